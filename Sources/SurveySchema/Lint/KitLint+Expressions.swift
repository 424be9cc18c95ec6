extension KitLint {
  static func checkExpressions(_ kit: Kit) -> [Diagnostic] { [] }  // PENDING expr merge
}
