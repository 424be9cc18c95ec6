import SurveyScoring

/// The report's fixed strings in Chinese and English: a catalogue, one case per text.
///
/// Kit labels (indicators, regions, instruments) come from the kit; everything
/// else a reader sees comes from here, so both languages stay complete.
enum Phrase: String, CaseIterable {
  case defaultTitle, contents, overview, headlineFigures, worstShortfalls, noShortfalls
  case statusMap, statusMapNote, areas, leagueTables, leagueNote, shortfallList, shortfallNote
  case drillDown, drillDownNote, breakdowns, breakdownNote, quality, methods, legend
  case childrenInRegister, childrenPaired, volunteersInRegister, questionnaires, responseRate
  case indicator, region, level, group, n, estimate, ci, target, gap, status, pValue, qValue, rank
  case file, instrument, layout, encoding, read, accepted, rejected, rule, count, example
  case expected, received, total, whatItCounts, expression, population, allUnits, kind
  case targetLine, overall, wholeDataSet, variesByRegion, noTarget, suppressedCells
  case rejectsByRule, responseRates, filesRead, statusMeanings, indicatorDefinitions, kit
  case regionsShown, statusCountsCaption, generatedBy, printNote, dotNote, groupShortfalls, groupShortfallsNote, clickToOpen, fullListElsewhere

  /// The text in `language`.
  func text(_ language: ReportLanguage) -> String {
    let pair = texts
    return language == .zh ? pair.zh : pair.en
  }

  // A catalogue: long by design.
  private var texts: (zh: String, en: String) {
    switch self {
    case .defaultTitle: ("爱心妈妈结对关爱成效评估：短板报告", "Caring mothers pairing programme: gap report")
    case .contents: ("目录", "Contents")
    case .overview: ("概览", "Overview")
    case .headlineFigures: ("基本数字", "Key figures")
    case .worstShortfalls: ("最突出的短板", "Largest shortfalls")
    case .noShortfalls: ("未发现短板或可能的短板。", "No shortfall or possible shortfall was found.")
    case .statusMap: ("状态热图：地区 × 指标", "Status map: region × indicator")
    case .statusMapNote:
      ("每格的颜色和符号表示该地区该指标相对目标的状态。", "Each cell's colour and symbol give the region's status on the indicator against its target.")
    case .areas: ("分领域结果", "Results by area")
    case .leagueTables: ("地区排名", "Regions ranked")
    case .leagueNote:
      ("按未达标指标数从多到少排列，其次按可能未达标数、达标数（少者在前）。", "Worst first: most shortfalls, then most possible shortfalls, then fewest indicators met.")
    case .shortfallList: ("短板清单", "Shortfall list")
    case .shortfallNote:
      ("先列未达标，再列可能未达标；同类中差距大者在前（比例按百分点，均值按占目标的比例），再按 q 值从小到大。", "Shortfalls first, then possible shortfalls; within each, the larger gap first (percentage points for proportions, share of the target for means), then the smaller q-value.")
    case .drillDown: ("逐级查看", "Drill-down by region")
    case .drillDownNote: ("省 → 市 → 县，每个地区各指标的状态。", "Province → city → county: each region's status on every indicator.")
    case .breakdowns: ("按儿童类别", "By child category")
    case .breakdownNote: ("条形为估计值，横线为置信区间，竖线为目标。", "Bars are estimates, whiskers confidence intervals, the vertical line the target.")
    case .quality: ("数据质量", "Data quality")
    case .methods: ("方法说明", "Methods")
    case .legend: ("图例", "Legend")
    case .childrenInRegister: ("登记儿童", "Children in the register")
    case .childrenPaired: ("已结对儿童", "Children paired")
    case .volunteersInRegister: ("登记志愿者", "Volunteers in the register")
    case .questionnaires: ("收回问卷", "Questionnaires received")
    case .responseRate: ("应答率", "Response rate")
    case .indicator: ("指标", "Indicator")
    case .region: ("地区", "Region")
    case .level: ("层级", "Level")
    case .group: ("分组", "Group")
    case .n: ("样本量", "n")
    case .estimate: ("估计值", "Estimate")
    case .ci: ("置信区间", "Confidence interval")
    case .target: ("目标", "Target")
    case .gap: ("差距", "Gap")
    case .status: ("状态", "Status")
    case .pValue: ("p 值", "p-value")
    case .qValue: ("q 值", "q-value")
    case .rank: ("排名", "Rank")
    case .file: ("文件", "File")
    case .instrument: ("问卷", "Questionnaire")
    case .layout: ("导出格式", "Layout")
    case .encoding: ("编码", "Encoding")
    case .read: ("读取行数", "Rows read")
    case .accepted: ("接受", "Accepted")
    case .rejected: ("拒收", "Rejected")
    case .rule: ("规则", "Rule")
    case .count: ("数量", "Count")
    case .example: ("示例", "Example")
    case .expected: ("应收", "Expected")
    case .received: ("实收", "Received")
    case .total: ("合计", "Total")
    case .whatItCounts: ("统计口径", "What it counts")
    case .expression: ("计算式", "Expression")
    case .population: ("适用对象", "Population")
    case .allUnits: ("全部", "all units")
    case .kind: ("类型", "Kind")
    case .targetLine: ("目标", "target")
    case .overall: ("总体", "Overall")
    case .wholeDataSet: ("全部数据", "Whole data set")
    case .variesByRegion: ("因地区而异", "varies by region")
    case .noTarget: ("无目标值", "no target")
    case .suppressedCells: ("样本不足而不公布的单元格", "Cells suppressed for too few respondents")
    case .rejectsByRule: ("按规则统计的拒收", "Rejects by rule")
    case .responseRates: ("各地区应答率", "Response rates by region")
    case .filesRead: ("读取的文件", "Files read")
    case .statusMeanings: ("状态的含义", "What the statuses mean")
    case .indicatorDefinitions: ("指标定义", "Indicator definitions")
    case .kit: ("评估工具包", "Kit")
    case .regionsShown: ("报告范围", "Scope")
    case .statusCountsCaption: ("全部地区 × 指标单元格的状态", "Status of every region × indicator cell")
    case .generatedBy: ("由 careeval 生成", "Generated by careeval")
    case .dotNote:
      ("圆点为估计值（颜色表示状态），横线为置信区间，虚线或黑色竖线为目标。", "Dots are estimates (coloured by status), whiskers confidence intervals, the dashed or black line the target.")
    case .groupShortfalls: ("分组结果中的短板", "Shortfalls in breakdown groups")
    case .groupShortfallsNote:
      ("各地区按分组字段（如儿童类别）细分后的短板，排在地区短板之后，排序规则相同。", "Shortfalls of the regions broken down by a register field (such as child category), ranked after the regions' own, by the same rules.")
    case .clickToOpen: ("点击展开", "click to open")
    case .fullListElsewhere:
      ("打印时只印出前 50 项；完整清单也在 report.xlsx 的 Shortfalls 表和 estimates.csv 中。", "A printout shows the first 50; the full list is also in the Shortfalls sheet of report.xlsx and in estimates.csv.")
    case .printNote: ("本报告可直接打印为 A4。", "This report prints on A4.")
    }
  }
}

extension IndicatorArea {
  /// The area's heading.
  func title(_ language: ReportLanguage) -> String {
    let pair: (String, String) =
      switch self {
      case .coverage: ("结对覆盖", "Coverage")
      case .routine: ("日常关爱", "Care routine")
      case .needs: ("需求与服务", "Needs and services")
      case .outcome: ("关爱成效", "Outcomes")
      case .consistency: ("多方印证", "Consistency between informants")
      case .capacity: ("志愿者能力", "Volunteer capacity")
      }
    return language == .zh ? pair.0 : pair.1
  }
}

extension ShortfallStatus {
  /// The status as a reader sees it.
  func label(_ language: ReportLanguage) -> String {
    let pair: (String, String) =
      switch self {
      case .meets: ("达标", "meets target")
      case .possibleShortfall: ("可能未达标", "possible shortfall")
      case .shortfall: ("未达标", "shortfall")
      case .indeterminate: ("无法判断", "indeterminate")
      case .noTarget: ("无目标值", "no target")
      case .suppressed: ("样本不足", "too few to show")
      }
    return language == .zh ? pair.0 : pair.1
  }

  /// A symbol that tells the status without colour.
  var symbol: String {
    switch self {
    case .meets: "✓"
    case .possibleShortfall: "△"
    case .shortfall: "✗"
    case .indeterminate: "?"
    case .noTarget: "·"
    case .suppressed: "—"
    }
  }
}

/// Names of region levels; unknown levels are shown as they are spelled.
func levelName(_ level: String, _ language: ReportLanguage) -> String {
  let pair: (String, String)? =
    switch level {
    case "all": ("全部", "all")
    case "province": ("省", "province")
    case "city": ("市", "city")
    case "county": ("县（区）", "county")
    case "township": ("乡镇", "township")
    default: nil
    }
  guard let pair else { return level }
  return language == .zh ? pair.0 : pair.1
}
