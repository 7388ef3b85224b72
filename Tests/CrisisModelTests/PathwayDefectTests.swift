import CrisisModel
import CrisisTestSupport
import SimKernel
import SimRandom
import XCTest

/// Hand-traced cases, one per logic defect an outside review found in the pathway around the
/// queueing core (each failed before its fix), and for branches no other test reaches. They
/// use `PathwayTraceTests.quietSystem`: one bed, an instant round-the-clock crisis team that
/// asks for admission, informal stays of 100 h and detained ones of 200 h, an out-of-area bed
/// found 6 h into a bed search, and an MHA assessment 3 h after arrival at a place of safety.
extension PathwayTraceTests {
    func kpis(_ simulation: Simulation<CrisisSystem>) -> [KPIValue] {
        simulation.model.kpis(at: simulation.now, measuredDays: simulation.now / 24)
    }

    /// Counts in the run, from a per-year KPI measured over the whole run.
    func count(_ id: String, _ simulation: Simulation<CrisisSystem>) throws -> Double {
        try XCTUnwrap(kpis(simulation).value(id), id) * simulation.now / RateProfile.hoursPerYear
    }

    // MARK: Opening hours bind queued work

    /// One assessor, open 09:00-17:00, six-hour assessments. The third referral is still
    /// queued when the second assessment ends at 21:00, after closing: it waits for 09:00
    /// the next day instead of being assessed in the night.
    func testNobodyStartsACrisisTeamAssessmentOutOfHours() throws {
        var simulation = try quietSystem { configuration in
            configuration.crht.hours = DailyHours(startHour: 9, hoursPerDay: 8)
            configuration.areas[0].services.crhtAssessors = 1
            configuration.crht.assessmentHours = Configurations.fixed(6)
            configuration.crht.referralOutcomes = [.discharge: 1]
        }
        for hour in [9.0, 10, 11] { simulation.schedule(.arrival(area: 0, source: .community), at: hour) }
        try simulation.run(until: 48)
        XCTAssertEqual(lines(simulation), [
            "9.0 #0 presents to community services",
            "9.0 #0 crisis team assessment starts",
            "10.0 #1 presents to community services",
            "11.0 #2 presents to community services",
            "15.0 #1 crisis team assessment starts",
            "15.0 #0 discharged to community care",
            "15.0 #0 leaves",
            // Allocated before closing, so finished after it.
            "21.0 #1 discharged to community care",
            "21.0 #1 leaves",
            "33.0 #2 crisis team assessment starts",
            "39.0 #2 discharged to community care",
            "39.0 #2 leaves",
        ])
    }

    /// Liaison keeps its hours the same way: a presentation queued at closing is seen when
    /// cover starts the next day.
    func testNobodyStartsALiaisonAssessmentOutOfHours() throws {
        var simulation = try quietSystem { configuration in
            configuration.liaison.hours = DailyHours(startHour: 9, hoursPerDay: 8)
            configuration.areas[0].services.liaisonPractitioners = 1
            configuration.liaison.responseHours = Configurations.fixed(0)
            configuration.liaison.assessmentHours = Configurations.fixed(6)
            configuration.liaison.outcomes = [.dischargeWithFollowUp: 1]
        }
        for hour in [9.0, 10, 11] { simulation.schedule(.arrival(area: 0, source: .emergencyDepartment), at: hour) }
        try simulation.run(until: 48)
        XCTAssertEqual(lines(simulation).filter { $0.contains("assessment starts") }, [
            "9.0 #0 liaison assessment starts",
            "15.0 #1 liaison assessment starts",
            "33.0 #2 liaison assessment starts",
        ])
    }

    /// A team open one hour a day assesses far fewer people than a round-the-clock team: the
    /// reviewer's check (before the fix the counts were the same).
    func testAnHourADayCrisisTeamAssessesFewerPeople() throws {
        func assessments(_ hours: DailyHours) throws -> Double {
            var configuration = Configurations.area(communityPerYear: 3_000, edPerYear: 0, policePerYear: 0)
            configuration.crht.hours = hours
            configuration.crht.assessmentHours = Configurations.fixed(3)
            let result = try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 30, horizonDays: 90),
                                                         seed: 1, replication: 0)
            return try XCTUnwrap(result.value("crht.assessments"))
        }
        let allDay = try assessments(.roundTheClock)
        let oneHour = try assessments(DailyHours(startHour: 9, hoursPerDay: 1))
        // Three assessors take at most three people in the hour (plus those freed within
        // it): about 3-4 a day, ~1,300 a year, against ~3,000 referred.
        XCTAssertGreaterThan(allDay, 2_700)
        XCTAssertLessThan(oneHour, 0.5 * allDay)
    }

    // MARK: Waiting for a bed, bed search, out-of-area placements and repatriation

    /// With every bed full the person waits where they are while an out-of-area bed is
    /// searched for (200 h here); the local bed that frees at 100 h comes first, so nobody
    /// goes out of area, and the time to a bed is the real 99 h, not a 4-hour cap.
    func testALocalBedThatFreesDuringTheBedSearchIsTaken() throws {
        var simulation = try quietSystem { $0.beds.bedSearchHours = Configurations.fixed(200) }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        simulation.schedule(.arrival(area: 0, source: .community), at: 1)
        try simulation.run(until: 300)
        XCTAssertEqual(lines(simulation), [
            "0.0 #0 presents to community services",
            "0.0 #0 crisis team assessment starts",
            "0.0 #0 admitted to a local bed",
            "1.0 #1 presents to community services",
            "1.0 #1 crisis team assessment starts",
            "1.0 #1 waits for a bed",
            "100.0 #0 discharged from a local bed",
            "100.0 #0 leaves",
            "100.0 #1 admitted to a local bed",
            "200.0 #1 discharged from a local bed",
            "200.0 #1 leaves",
        ])
        let values = kpis(simulation)
        XCTAssertEqual(values.value("oap.placements"), 0)
        XCTAssertEqual(try XCTUnwrap(values.value("time_to_bed.mean")), 49.5, accuracy: 1e-9)
        XCTAssertEqual(values.value("time_to_bed.over_4h"), 50)
        XCTAssertEqual(values.value("time_to_bed.over_12h"), 50)
    }

    /// Someone waiting in the emergency department for a bed counts against the 12-hour
    /// measure: decided at 1 h, admitted at 100 h.
    func testAnEmergencyDepartmentWaitOverTwelveHoursIsCounted() throws {
        var simulation = try quietSystem { configuration in
            configuration.beds.bedSearchHours = Configurations.fixed(200)
            configuration.liaison.responseHours = Configurations.fixed(0)
            configuration.liaison.assessmentHours = Configurations.fixed(1)
            configuration.liaison.outcomes = [.admissionRequest: 1]
        }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        simulation.schedule(.arrival(area: 0, source: .emergencyDepartment), at: 0)
        try simulation.run(until: 150)
        XCTAssertEqual(try count("ed.bed_waits", simulation), 1, accuracy: 1e-9)
        XCTAssertEqual(try count("ed.bed_waits_over_12h", simulation), 1, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(kpis(simulation).value("ed.decision_to_admit_hours.mean")), 99, accuracy: 1e-9)
    }

    /// A section 136 detainee (detained stay 1,000 h) goes out of area at 10 h; the local bed
    /// frees at 100 h, a Friday 04:00. Repatriation waits for the working day: 09:00.
    func repatriationCase(_ adjust: (inout BedPolicyConfiguration) -> Void) throws -> [String] {
        var simulation = try quietSystem { configuration in
            configuration.beds.detainedStayDays = Configurations.fixed(1_000.0 / 24)
            configuration.beds.repatriationHours = DailyHours(startHour: 9, hoursPerDay: 8)
            configuration.beds.repatriationWeekdaysOnly = true
            adjust(&configuration.beds)
        }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        simulation.schedule(.arrival(area: 0, source: .police), at: 1)
        try simulation.run(until: 1_100)
        return lines(simulation).filter { $0.contains("#1") && ($0.contains("area") || $0.contains("local bed")) }
    }

    func testRepatriationWaitsForTheWorkingDay() throws {
        XCTAssertEqual(try repatriationCase { _ in }, [
            "10.0 #1 placed out of area",
            "105.0 #1 repatriated to a local bed",
            "1010.0 #1 discharged from a local bed",
        ])
    }

    /// Not before ten days out of area (250 h, a Thursday 10:00, after that day's 09:00
    /// round): the next round, Friday 09:00.
    func testRepatriationWaitsForTheMinimumTimeOutOfArea() throws {
        XCTAssertEqual(try repatriationCase { $0.repatriationMinimumDays = 10 }, [
            "10.0 #1 placed out of area",
            "273.0 #1 repatriated to a local bed",
            "1010.0 #1 discharged from a local bed",
        ])
    }

    /// A placement that is not to be repatriated completes its stay out of area.
    func testAPlacementOutsideTheRepatriationShareCompletesItsStayOutOfArea() throws {
        XCTAssertEqual(try repatriationCase { $0.repatriationShare = 0 }, [
            "10.0 #1 placed out of area",
            "1010.0 #1 discharged from an out-of-area bed",
        ])
    }

    /// With repatriation first, the freed bed goes to the person out of area (#1) before the
    /// person waiting for admission (#2); without, to #2.
    func testRepatriationPriorityDecidesWhoGetsAFreedBed() throws {
        func admitted(repatriationFirst: Bool) throws -> [String] {
            var simulation = try quietSystem { configuration in
                configuration.beds.repatriationBeforeNewAdmissions = repatriationFirst
            }
            simulation.schedule(.arrival(area: 0, source: .community), at: 0)
            simulation.schedule(.arrival(area: 0, source: .community), at: 1)  // out of area at 7 h
            simulation.schedule(.arrival(area: 0, source: .community), at: 98)  // waiting at 100 h
            try simulation.run(until: 101)
            return lines(simulation).filter { $0.hasPrefix("100.0") && !$0.contains("#0") }
        }
        XCTAssertEqual(try admitted(repatriationFirst: true), ["100.0 #1 repatriated to a local bed"])
        XCTAssertEqual(try admitted(repatriationFirst: false), ["100.0 #2 admitted to a local bed"])
    }

    /// The out-of-area length is the time from placement to discharge or repatriation.
    func testOutOfAreaLengthIsMeasuredInNights() throws {
        var simulation = try quietSystem { $0.beds.repatriation = false }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        simulation.schedule(.arrival(area: 0, source: .community), at: 1)  // out of area 7 h to 107 h
        try simulation.run(until: 200)
        let values = kpis(simulation)
        XCTAssertEqual(try XCTUnwrap(values.value("oap.length_days.mean")), 100.0 / 24, accuracy: 1e-9)
        XCTAssertEqual(values.value("oap.lasting_15_nights"), 0)
    }

    // MARK: Admission requests and gatekeeping on every route

    /// An out-of-hours bypass is still an admission request: requests = admissions.
    func testAnOutOfHoursBypassIsCountedAsAnAdmissionRequest() throws {
        var simulation = try quietSystem { configuration in
            configuration.crht.hours = DailyHours(startHour: 9, hoursPerDay: 8)
            configuration.crht.outOfHours = .bypass
            configuration.liaison.responseHours = Configurations.fixed(0)
            configuration.liaison.assessmentHours = Configurations.fixed(1)
            configuration.liaison.outcomes = [.admissionRequest: 1]
        }
        simulation.schedule(.arrival(area: 0, source: .emergencyDepartment), at: 2)
        try simulation.run(until: 50)
        XCTAssertEqual(try count("crht.out_of_hours_bypasses", simulation), 1, accuracy: 1e-9)
        XCTAssertEqual(try count("admissions.requests", simulation), 1, accuracy: 1e-9)
        XCTAssertEqual(try count("admissions.total", simulation), 1, accuracy: 1e-9)
    }

    /// `admissions_avoided_share` applies to every informal request the team gatekeeps: its
    /// own referral's request (#0), an informal admission agreed at a place of safety (#1), a
    /// home-treatment escalation (#2's, after its first diversion); never to a detention (#3).
    func testEveryGatekeptInformalRequestIsOfferedDiversion() throws {
        var simulation = try quietSystem { configuration in
            configuration.crht.admissionsAvoidedShare = 1
            configuration.homeTreatment.episodeDays = Configurations.fixed(50.0 / 24)
            configuration.homeTreatment.escalationProbability = 1
            configuration.section136.outcomes = [.informalAdmission: 1]
        }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        simulation.schedule(.arrival(area: 0, source: .police), at: 1)
        try simulation.run(until: 60)
        XCTAssertEqual(lines(simulation), [
            "0.0 #0 presents to community services",
            "0.0 #0 crisis team assessment starts",
            "0.0 #0 admission avoided by gatekeeping",
            "0.0 #0 home treatment starts",
            "1.0 #1 police mental health contact",
            "1.0 #1 s136: taken to a health-based place of safety",
            "1.0 #1 MHA assessment starts",
            "4.0 #1 agrees to informal admission",
            "4.0 #1 admission avoided by gatekeeping",
            "4.0 #1 leaves the place of safety",
            "4.0 #1 home treatment starts",
            "50.0 #0 home treatment escalates to admission",
            "50.0 #0 admission avoided by gatekeeping",
            "50.0 #0 home treatment starts",
            "54.0 #1 home treatment escalates to admission",
            "54.0 #1 admission avoided by gatekeeping",
            "54.0 #1 home treatment starts",
        ])
        XCTAssertEqual(try count("admissions.requests", simulation), 4, accuracy: 1e-9)
        XCTAssertEqual(try count("admissions.avoided_by_gatekeeping", simulation), 4, accuracy: 1e-9)

        var detained = try quietSystem { $0.crht.admissionsAvoidedShare = 1 }
        detained.schedule(.arrival(area: 0, source: .police), at: 1)
        try detained.run(until: 10)
        XCTAssertTrue(lines(detained).contains("4.0 #0 admitted to a local bed"))
    }

    // MARK: Crisis house and home treatment branches

    /// A crisis-house stay that escalates keeps its place until a bed is found; a referral
    /// finding the house full goes to home treatment instead.
    func testACrisisHouseStayEscalatesAndHoldsItsPlaceUntilABed() throws {
        var simulation = try quietSystem { configuration in
            configuration.crht.referralOutcomes = [.crisisHouse: 1]
            configuration.crisisHouse = CrisisHouseConfiguration(stayDays: Configurations.fixed(10.0 / 24), eligibleShare: 1,
                                                                 escalationProbability: 1)
            configuration.areas[0].services.crisisHousePlaces = 1
            configuration.homeTreatment.episodeDays = Configurations.fixed(100.0 / 24)
            configuration.homeTreatment.escalationProbability = 0
            configuration.beds.bedSearchHours = Configurations.fixed(50)
            configuration.representation = RepresentationConfiguration(probability: 0, afterDays: Configurations.fixed(1))
        }
        simulation.schedule(.arrival(area: 0, source: .police), at: 0)  // holds the only bed from 3 h
        simulation.schedule(.arrival(area: 0, source: .community), at: 4)
        simulation.schedule(.arrival(area: 0, source: .community), at: 5)
        simulation.schedule(.arrival(area: 0, source: .community), at: 20)
        simulation.schedule(.arrival(area: 0, source: .community), at: 70)
        try simulation.run(until: 75)
        XCTAssertEqual(lines(simulation).filter { !$0.contains("#0") && !$0.contains("presents") && !$0.contains("team assessment") }, [
            "4.0 #1 crisis house stay starts",
            "5.0 #2 crisis house full",
            "5.0 #2 home treatment starts",
            "14.0 #1 crisis house stay escalates to admission",
            "14.0 #1 waits for a bed",
            "20.0 #3 crisis house full",
            "20.0 #3 home treatment starts",
            "64.0 #1 placed out of area",
            "70.0 #4 crisis house stay starts",
        ])
    }

    /// Each caseload-full policy, with a caseload of one held from 0 h to 50 h.
    func testEachHomeTreatmentWhenFullPolicy() throws {
        func second(_ policy: CaseloadFullPolicy) throws -> [String] {
            var simulation = try quietSystem { configuration in
                configuration.crht.referralOutcomes = [.homeTreatment: 1]
                configuration.homeTreatment = HomeTreatmentConfiguration(
                    caseloadPerStaff: 1, whenFull: policy, episodeDays: Configurations.fixed(50.0 / 24), escalationProbability: 0)
                configuration.areas[0].services.homeTreatmentStaff = 1
            }
            simulation.schedule(.arrival(area: 0, source: .community), at: 0)
            simulation.schedule(.arrival(area: 0, source: .community), at: 1)
            try simulation.run(until: 120)
            return lines(simulation).filter { $0.contains("#1") && !$0.contains("presents") && !$0.contains("team assessment") }
        }
        XCTAssertEqual(try second(.admit), ["1.0 #1 admitted to a local bed", "101.0 #1 discharged from a local bed", "101.0 #1 leaves"])
        XCTAssertEqual(try second(.wait), ["50.0 #1 home treatment starts", "100.0 #1 home treatment ends", "100.0 #1 leaves"])
        XCTAssertEqual(try second(.discharge), ["1.0 #1 discharged: home treatment caseload full", "1.0 #1 leaves"])
    }

    // MARK: Beds: networks, delayed discharge, section 136 under bed pressure

    /// An area with no free bed uses a network neighbour's before searching out of area.
    func testANetworkBedIsUsedBeforeOutOfArea() throws {
        var simulation = try quietSystem { configuration in
            var neighbour = configuration.areas[0]
            neighbour.name = "Southdale"
            neighbour.sources = SourcesConfiguration(community: Configurations.quiet, emergencyDepartment: Configurations.quiet,
                                                     police: Configurations.quiet)
            configuration.areas[0].bedNetwork = ["Southdale"]
            configuration.areas.append(neighbour)
        }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        simulation.schedule(.arrival(area: 0, source: .community), at: 1)
        simulation.schedule(.arrival(area: 0, source: .community), at: 2)
        try simulation.run(until: 20)
        XCTAssertEqual(lines(simulation).filter { $0.contains("bed") || $0.contains("area") }, [
            "0.0 #0 admitted to a local bed",
            "1.0 #1 admitted to a local bed",
            "2.0 #2 waits for a bed",
            "8.0 #2 placed out of area",
        ])
        XCTAssertEqual(try count("admissions.network_beds", simulation), 1, accuracy: 1e-9)
    }

    /// A delayed discharge holds the bed: the next person gets it only when the delay ends.
    func testADelayedDischargeHoldsTheBed() throws {
        var simulation = try quietSystem { configuration in
            configuration.beds.delayedDischargeProbability = 1
            configuration.beds.delayDays = Configurations.fixed(50.0 / 24)
            configuration.beds.bedSearchHours = Configurations.fixed(500)
        }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        simulation.schedule(.arrival(area: 0, source: .community), at: 1)
        try simulation.run(until: 160)
        XCTAssertEqual(lines(simulation).filter { $0.contains("bed") || $0.contains("discharge") }, [
            "0.0 #0 admitted to a local bed",
            "1.0 #1 waits for a bed",
            "100.0 #0 discharge delayed",
            "150.0 #0 discharged from a local bed",
            "150.0 #1 admitted to a local bed",
        ])
        XCTAssertEqual(try XCTUnwrap(kpis(simulation).value("beds.delayed_share_of_bed_days")), 100 * 50 / 160, accuracy: 1e-9)
    }

    /// A ramp from 1 to 3 beds starting on day 1 over 2 days opens one bed at 48 h and one at
    /// 72 h, each taken by the next person waiting; a closure evicts nobody.
    func testABedRampOpensBedsOneAtATime() throws {
        var simulation = try quietSystem { configuration in
            configuration.beds.bedSearchHours = Configurations.fixed(500)
            configuration.areas[0].bedSchedule = [CapacityChange(atDay: 1, capacity: 3, rampDays: 2),
                                                  CapacityChange(atDay: 4, capacity: 0)]
        }
        for hour in [0.0, 1, 2] { simulation.schedule(.arrival(area: 0, source: .community), at: hour) }
        try simulation.run(until: 99)
        XCTAssertEqual(lines(simulation).filter { $0.contains("bed") }, [
            "0.0 #0 admitted to a local bed",
            "1.0 #1 waits for a bed",
            "2.0 #2 waits for a bed",
            "48.0 #1 admitted to a local bed",
            "72.0 #2 admitted to a local bed",
        ])
        // Every bed closes at 96 h, and nobody is evicted: 99 + 51 + 27 bed-hours by 99 h.
        XCTAssertEqual(try count("beds.bed_days", simulation), (99.0 + 51 + 27) / 24, accuracy: 1e-9)
    }

    /// Section 136 feels bed pressure: a detainee waiting for a bed holds the place of safety,
    /// so a 30-hour bed search makes a 33-hour detention, past the 24-hour limit.
    func testWaitingForABedAtAPlaceOfSafetyBreachesTheLimit() throws {
        var simulation = try quietSystem { $0.beds.bedSearchHours = Configurations.fixed(30) }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        simulation.schedule(.arrival(area: 0, source: .police), at: 1)
        try simulation.run(until: 50)
        XCTAssertEqual(lines(simulation).filter { $0.contains("#1") }.suffix(3), [
            "4.0 #1 waits for a bed",
            "34.0 #1 leaves the place of safety",
            "34.0 #1 placed out of area",
        ])
        XCTAssertEqual(try count("s136.breaches_of_limit", simulation), 1, accuracy: 1e-9)
        XCTAssertEqual(try count("s136.breaches_of_extended_limit", simulation), 0, accuracy: 1e-9)
    }

    // MARK: Measures a researcher expects

    /// The same person comes back ten days after leaving a bed and is admitted again: a
    /// readmission within 30 days. Lengths of stay are 100 h each.
    func testAReadmissionWithinThirtyDaysIsRecognised() throws {
        var simulation = try quietSystem {
            $0.representation = RepresentationConfiguration(probability: 1, afterDays: Configurations.fixed(10))
        }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        try simulation.run(until: 450)
        XCTAssertTrue(lines(simulation).contains("340.0 #0 admitted to a local bed"))
        XCTAssertEqual(try XCTUnwrap(kpis(simulation).value("readmissions.within_30_days")), 50, accuracy: 1e-9,
                       "1 readmission over 2 discharges")
        XCTAssertEqual(try XCTUnwrap(kpis(simulation).value("discharges.length_of_stay_days.mean")), 100.0 / 24, accuracy: 1e-9)
    }
}
