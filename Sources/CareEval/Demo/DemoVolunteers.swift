/// One volunteer of the register.
struct VolunteerRecord: Sendable {
  var id: String
  /// `active`, `paused` or `exited`.
  var status: String
  var speciality: Int
  var trainings: Int
  var topics: [Int]
  var team: String?
  /// ISO date the volunteer joined the programme.
  var joined: String
  /// Children listing this volunteer in the register (filled as children are paired).
  var children = 0
  /// How many children this volunteer takes on (the pool opens a new volunteer when full).
  var capacity: Int
}

/// Hands out volunteers to the paired children of one county, opening volunteers as the
/// open ones fill up, so every volunteer's caseload is the number of register rows that
/// list her (DESIGN.md: volunteer ids in the roster; PROGRAMME.md §0 pairing modes):
/// - one-to-one: a volunteer of her own (caseload 1);
/// - one-to-many: a volunteer who takes on 2 + Poisson(m - 2) children;
/// - many-to-one (1+1+N): two volunteers, each taking 1 + Poisson(0.5) children;
/// - many-to-many: a team of three volunteers, all listed for each of its 3 + Poisson(m - 3) children.
struct VolunteerPools {
  private(set) var volunteers: [VolunteerRecord] = []
  private let county: String
  private let countyName: String
  private let parameters: CountyParameters
  private var openOneToMany: Int?
  private var openManyToOne: [Int] = []
  private var openTeam: [Int] = []
  private var teamRemaining = 0
  private var teams = 0

  init(county: String, countyName: String, parameters: CountyParameters) {
    self.county = county
    self.countyName = countyName
    self.parameters = parameters
  }

  /// Volunteer ids listed per child and the mean number of children per volunteer, by mode.
  static func slots(mode: Int, parameters: CountyParameters) -> (ids: Double, capacity: Double) {
    switch mode {
    case Vocabulary.oneToOne: (1, 1)
    case Vocabulary.oneToMany: (1, parameters.oneToManyCapacity)
    case Vocabulary.manyToOne: (2, 1.5)
    default: (3, parameters.teamCapacity)
    }
  }

  /// The volunteers (indices into `volunteers`) listed for a newly paired child.
  mutating func assign(mode: Int, random: inout DemoRandom) -> [Int] {
    switch mode {
    case Vocabulary.oneToOne:
      let index = open(capacity: 1, team: nil, random: &random)
      return take([index])
    case Vocabulary.oneToMany:
      let index: Int
      if let current = openOneToMany {
        index = current
      } else {
        index = open(
          capacity: 2 + random.poisson(parameters.oneToManyCapacity - 2), team: nil, random: &random
        )
      }
      let taken = take([index])
      openOneToMany = volunteers[index].children < volunteers[index].capacity ? index : nil
      return taken
    case Vocabulary.manyToOne:
      while openManyToOne.count < 2 {
        openManyToOne.append(open(capacity: 1 + random.poisson(0.5), team: nil, random: &random))
      }
      let chosen = Array(openManyToOne.prefix(2))
      let taken = take(chosen)
      openManyToOne.removeAll { volunteers[$0].children >= volunteers[$0].capacity }
      return taken
    default:
      if teamRemaining == 0 {
        teams += 1
        let name = "\(countyName)爱心妈妈服务队第\(teams)队"
        openTeam = (0..<3).map { _ in open(capacity: .max, team: name, random: &random) }
        teamRemaining = 3 + random.poisson(parameters.teamCapacity - 3)
      }
      teamRemaining -= 1
      return take(openTeam)
    }
  }

  /// Adds the volunteers who have left the programme (about 8% of those serving), with no
  /// children, as registers keep them.
  mutating func addExited(random: inout DemoRandom) {
    let count = Int((Double(volunteers.count) * 0.08).rounded())
    for _ in 0..<count {
      let index = open(capacity: 0, team: nil, random: &random)
      volunteers[index].status = "exited"
    }
  }

  private mutating func take(_ indices: [Int]) -> [Int] {
    for index in indices { volunteers[index].children += 1 }
    return indices
  }

  private mutating func open(capacity: Int, team: String?, random: inout DemoRandom) -> Int {
    let serial = volunteers.count + 1
    let id = "V\(county)-" + DemoText.padded(serial, width: 5)
    let status = random.bernoulli(0.93) ? "active" : "paused"
    let speciality = random.categorical(parameters.specialityShares)
    let trainings = random.bernoulli(parameters.trained) ? min(12, 1 + random.poisson(1.2)) : 0
    var topics: [Int] = []
    if trainings > 0 {
      let rates = [0.55, 0.5, 0.45, 0.7, 0.4, 0.08]
      topics = rates.indices.filter { random.bernoulli(rates[$0]) }
      if topics.isEmpty { topics = [3] }
    }
    let station = team ?? (random.bernoulli(0.3) ? "\(countyName)爱心妈妈驿站" : nil)
    let joined = DemoDates.day(
      random.int(in: DemoDates.dayNumber(2016, 3, 1)...DemoDates.dayNumber(2026, 2, 28)))
    volunteers.append(
      VolunteerRecord(
        id: id, status: status, speciality: speciality, trainings: trainings, topics: topics,
        team: station,
        joined: joined, capacity: capacity))
    return volunteers.count - 1
  }
}
