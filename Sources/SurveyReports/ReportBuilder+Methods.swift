import SurveyScoring

extension ReportBuilder {
  /// Data quality in scope: files, rejects, response rates, suppressed cells.
  func qualitySection() -> QualitySection {
    let quality = input.quality
    let inScope = Set(subtree + [rootCode])
    let labels = Dictionary(
      input.headline.instruments.map { ($0.instrument, $0.label.text(language)) },
      uniquingKeysWith: { first, _ in first })
    let rates = quality.responseRates.filter { inScope.contains($0.regionCode) }.map {
      ResponseRateLine(
        instrument: $0.instrument, instrumentLabel: labels[$0.instrument] ?? $0.instrument,
        regionCode: $0.regionCode, regionName: tree.name(of: $0.regionCode, language: language),
        level: tree.level(of: $0.regionCode) ?? "", expected: $0.expected, received: $0.received,
        rate: $0.rate)
    }
    return QualitySection(
      files: quality.files, read: quality.files.reduce(0) { $0 + $1.read },
      accepted: quality.files.reduce(0) { $0 + $1.accepted },
      rejected: quality.files.reduce(0) { $0 + $1.rejected }, rejectsByRule: quality.rejectsByRule,
      responseRates: rates, suppressedCells: rows.filter { $0.status == .suppressed }.count,
      cellCount: rows.count)
  }

  /// The methods section, worded from the run's settings (STATISTICS.md §3-7).
  func methodsSection() -> MethodsSection {
    let methods = input.methods
    let zh = language == .zh
    let level = ReportFormat.percent(methods.confidenceLevel, decimals: 0)
    let alpha = ReportFormat.plain((1 - methods.confidenceLevel) / 2, decimals: 3)
    let k = methods.minimumCount
    var strata: Int?
    var psus: Int?
    let design: String
    let mode: String
    switch methods.design {
    case .noDesign:
      mode = "no_design"
      design =
        zh
        ? "数据按普查或简单随机样本处理（无权重、分层或初级抽样单元）：每个地区的标准误为样本标准差除以 √n，不作有限总体校正；自由度为 n − 1。"
        : "The data are treated as a census or a simple random sample (no weights, strata or PSUs): a region's standard error is the sample standard deviation divided by √n, with no finite-population correction; the degrees of freedom are n − 1."
    case .taylor(let h, let p, let weighted):
      mode = "taylor"
      strata = h
      psus = p
      let rule = methods.lonelyPSU.rawValue
      design =
        zh
        ? "按抽样设计以泰勒线性化计算标准误：\(h) 个层，\(p) 个初级抽样单元（PSU）\(weighted ? "，加权" : "")。地区估计保留全部样本（子总体估计）。只有一个 PSU 的层按 “\(rule)” 规则处理（adjust 计入该 PSU 总量的平方，较保守；remove 不计入）。自由度为含应答者的 PSU 数减去层数。"
        : "Standard errors use Taylor linearisation for the survey design: \(h) strata, \(p) primary sampling units (PSUs)\(weighted ? ", weighted" : ""). Regions are estimated as domains of the whole sample. A stratum with a single PSU follows the '\(rule)' rule ('adjust' adds its squared PSU total, which is conservative; 'remove' adds nothing). The degrees of freedom are the PSUs with respondents minus the strata."
    }
    let intervals =
      zh
      ? "置信区间（\(level)）使用以 df 为自由度的 t 分布：均值为估计值 ± t × 标准误；比例在 logit 尺度上构造，所以始终落在 0 与 1 之间；全部为 0 或全部为 1 时用精确的 Clopper–Pearson 界。"
      : "Confidence intervals (\(level)) use Student's t with the domain's degrees of freedom: a mean is estimate ± t × SE; a proportion's interval is built on the logit scale, so it stays within 0 and 1; when every answer is 0 (or 1) the exact Clopper–Pearson bound is used."
    let test =
      zh
      ? "“是否差于目标”的单侧检验给出 p 值，与置信区间同一尺度，因此“未达标”当且仅当 p < \(alpha)。q 值是同一指标、同一层级各地区的 p 值经 Benjamini–Hochberg 校正的结果（控制错误发现率），仅供参考，不改变状态。"
      : "A one-sided test of 'worse than the target' gives the p-value on the same scale as the interval, so a region is a shortfall exactly when p < \(alpha). The q-value is the p-value adjusted by Benjamini–Hochberg across the regions of one level for one indicator (false discovery rate); it is shown for reference and does not change the status."
    let suppression =
      zh
      ? "应答者少于 k = \(k) 人的单元格不公布估计值，只给出人数和目标，标为“样本不足”，绝不显示为 0。"
      : "A cell with fewer than k = \(k) respondents publishes no estimate, only its n and target, and is marked 'too few to show', never shown as 0."
    return MethodsSection(
      kitName: methods.kitName, kitVersion: methods.kitVersion, designMode: mode, strata: strata,
      psus: psus, confidenceLevel: methods.confidenceLevel, minimumCount: k,
      lonelyRule: methods.lonelyPSU,
      paragraphs: [design, intervals, test, suppression, Phrase.shortfallNote.text(language)],
      statuses: ShortfallStatus.allCases.map {
        StatusMeaning(
          status: $0, label: $0.label(language), symbol: $0.symbol,
          meaning: Self.meaning(of: $0, level: level, k: k, language: language))
      })
  }

  private static func meaning(
    of status: ShortfallStatus, level: String, k: Int, language: ReportLanguage
  ) -> String {
    let pair: (String, String) =
      switch status {
      case .meets: ("估计值达到或好于目标。", "The estimate is at or better than the target.")
      case .possibleShortfall:
        ("估计值差于目标，但置信区间仍包含目标：可能是短板，需要更多数据确认。", "The estimate is worse than the target, but the confidence interval still reaches it: possibly a gap; more data would tell.")
      case .shortfall:
        ("整个 \(level) 置信区间都差于目标：可以确定是短板。", "The whole \(level) confidence interval is worse than the target: a gap we can be sure of.")
      case .indeterminate:
        ("应答者太少或集中在一个抽样单元内，无法给出置信区间，不作判断。", "Too few respondents, or all in one sampling unit: no confidence interval, so no judgement.")
      case .noTarget: ("该地区此指标没有设定目标，只报告估计值。", "No target applies here; the estimate is reported only.")
      case .suppressed:
        ("应答者少于 \(k) 人，不公布估计值（不是 0）。", "Fewer than \(k) respondents: no estimate is published (it is not 0).")
      }
    return language == .zh ? pair.0 : pair.1
  }
}
