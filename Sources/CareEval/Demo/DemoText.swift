/// Calendar arithmetic for the demo's dates and times, without Foundation's calendars (so
/// the output does not depend on the machine's time zone or locale). Days are counted
/// from 1970-01-01 in the proleptic Gregorian calendar.
enum DemoDates {
  /// The day number of a calendar date.
  static func dayNumber(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The calendar date of a day number.
  static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp + (mp < 10 ? 3 : -9)
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// `YYYY-MM-DD` for a day number.
  static func day(_ days: Int) -> String {
    let (y, m, d) = civil(days)
    return
      "\(DemoText.padded(y, width: 4))-\(DemoText.padded(m, width: 2))-\(DemoText.padded(d, width: 2))"
  }

  /// A moment as seconds since 1970-01-01 00:00 in China Standard Time (UTC+8).
  struct Moment: Sendable {
    var seconds: Int

    var days: Int { seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400 }
    private var secondOfDay: Int { seconds - days * 86_400 }
    private var clock: String {
      let s = secondOfDay
      return
        "\(DemoText.padded(s / 3600, width: 2)):\(DemoText.padded(s / 60 % 60, width: 2)):\(DemoText.padded(s % 60, width: 2))"
    }

    /// `2026-04-12T09:30:05.000+08:00`, as XLSForm start/end and Kobo write local times.
    var isoLocal: String { "\(DemoDates.day(days))T\(clock).000+08:00" }
    /// `2026-04-12T01:30:05` (UTC, no zone), as Kobo's `_submission_time`.
    var koboUTC: String { Moment(seconds: seconds - 8 * 3600).plainISO }
    /// `2026-04-12T01:30:05.000Z` (UTC), as ODK Central's `SubmissionDate`.
    var odkUTC: String { Moment(seconds: seconds - 8 * 3600).plainISO + ".000Z" }
    /// `2026/4/12 9:30:05`, as 问卷星 writes 提交答卷时间.
    var wjx: String {
      let (y, m, d) = DemoDates.civil(days)
      let s = secondOfDay
      return
        "\(y)/\(m)/\(d) \(s / 3600):\(DemoText.padded(s / 60 % 60, width: 2)):\(DemoText.padded(s % 60, width: 2))"
    }
    private var plainISO: String { "\(DemoDates.day(days))T\(clock)" }
  }
}

/// Small text helpers and the word lists the demo's free text is drawn from.
enum DemoText {
  /// `n` with leading zeros to at least `width` digits.
  static func padded(_ n: Int, width: Int) -> String {
    let digits = String(n)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  /// A version-4-shaped UUID from the random stream (lower-case hex, as Kobo and ODK write them).
  static func uuid(_ random: inout DemoRandom) -> String {
    let hex = Array("0123456789abcdef")
    var characters: [Character] = []
    var bits = random.next()
    var more = random.next()
    for index in 0..<32 {
      if index == 16 {
        bits = more
        more = 0
      }
      var nibble = Int(bits & 0xF)
      bits >>= 4
      if index == 12 { nibble = 4 }
      if index == 16 { nibble = 8 | (nibble & 3) }
      characters.append(hex[nibble])
      if [7, 11, 15, 19].contains(index) { characters.append("-") }
    }
    return String(characters)
  }

  static let surnames = Array(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
  )
  static let givenBoy = Array("浩宇轩子涵俊杰博文浩然梓豪明辉志强建华国庆晨阳天佑嘉豪一鸣宇航思远")
  static let givenGirl = Array("欣怡梓涵雨萱诗琪佳怡紫涵思彤梦瑶可馨雨桐语嫣晓雪婷婷美玲慧敏丽娟")

  /// A made-up Chinese name (identifier field; never shown in reports).
  static func name(female: Bool, random: inout DemoRandom) -> String {
    let given = female ? givenGirl : givenBoy
    var text = String(random.pick(surnames))
    text.append(random.pick(given))
    if random.bernoulli(0.8) { text.append(random.pick(given)) }
    return text
  }

  /// What a child might write as her wish (optional free text).
  static let wishes = [
    "希望爱心妈妈能多来看看我。", "想和爱心妈妈一起去公园玩。", "希望爱心妈妈教我写作业。", "想要一本故事书。",
    "希望过生日的时候爱心妈妈能来。", "想让爱心妈妈帮我找爸爸妈妈视频。", "希望能一起做手工。", "没有了，谢谢爱心妈妈！",
    "想学画画。", "希望暑假能一起出去玩。",
  ]
  /// Guardians' suggestions (optional free text); some contain a comma or a quote, as real text does.
  static let suggestions = [
    "希望多组织一些亲子活动。", "孩子学习跟不上，希望能多辅导。", "谢谢爱心妈妈，孩子开朗多了。", "希望联系再多一些，最好每周都能来。",
    "建议多讲讲安全知识，特别是防溺水。", "家里老人不会用手机，视频联系不方便。", "孩子说“爱心妈妈像亲妈妈一样”，我们很感激。",
    "希望能帮忙解决孩子上学的交通问题，路太远了。",
  ]
  /// Head teachers' notes (optional free text).
  static let teacherNotes = [
    "建议增加学业辅导。", "孩子性格内向，需要多鼓励。", "希望爱心妈妈和学校多沟通。", "近期表现有进步。",
    "家校联系较少，建议加强。", "需要关注心理状况。",
  ]
  /// "Other" occupations of volunteers.
  static let otherOccupations = ["个体经营者", "退休职工", "企业职工", "社区志愿者", "家庭主妇", "医药代表"]
}
