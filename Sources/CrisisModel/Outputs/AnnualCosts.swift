import SimKernel

/// What each agency pays a year for the areas of one stratum, in pounds sterling.
///
/// The NHS pays for the capacity it keeps, used or not, so these parts are charged on what
/// each area is configured to have (and, for beds, on the beds available as schedules open
/// and close them), never on how busy the resources were: local beds per staffed bed-day,
/// crisis team and liaison slots as the staff who keep them open, home treatment staff per
/// staff-year, crisis-house places per place-day and place-of-safety suites per suite-year.
/// Out-of-area beds are bought by the occupied day; police hours and delayed-discharge days
/// follow use. The configuration is read rather than the resources' momentary capacity,
/// which may drop outside a team's hours without the team's pay stopping.
///
/// Service schedules are charged as bed schedules are, on the capacity each day's schedule
/// has. Staff written as funded posts are charged on the posts filled (posts x fill rate,
/// from the end of the recruitment lead): a vacant post pays nobody, so money funded for it
/// goes unspent (bank and agency cover are not modelled). A new service that runs before old
/// beds close is charged alongside them: the double running cost of the change.
struct AnnualCosts {
    let localBeds: Double
    let outOfArea: Double
    /// Crisis team, liaison, home treatment and crisis house.
    let communityCrisis: Double
    let placesOfSafety: Double
    let police: Double
    let localAuthority: Double

    var nhs: Double { localBeds + outOfArea + communityCrisis + placesOfSafety }
    var total: Double { nhs + police + localAuthority }

    init(_ source: KPICatalogue.Source) {
        let configuration = source.system.configuration
        let prices = configuration.costs
        localBeds = source.integral(.bedCapacity) / 24 * prices.localStaffedBedDay / source.years
        outOfArea = source.outOfAreaBedDays * prices.outOfAreaBedDay / source.years
        var community = 0.0, suites = 0.0
        let start = source.end - source.hours
        for a in source.areas {
            let services = configuration.areas[a].services
            // The capacity each day's schedule has, averaged over the measured period: exactly
            // the configured capacity when a service has no schedule.
            func mean(_ service: ScheduledService) -> Double {
                CapacityChange.meanCapacity(from: services[service], services.schedule(of: service), start: start, end: source.end)
            }
            community += Self.slotStaffYears(mean(.crhtAssessors), openFor: configuration.crht.hours, prices) * prices.crhtStaffYear
                + Self.slotStaffYears(mean(.liaisonPractitioners), openFor: configuration.liaison.hours, prices)
                * prices.liaisonStaffYear
                + mean(.homeTreatmentStaff) * prices.homeTreatmentStaffYear
                + mean(.crisisHousePlaces) * Self.daysPerYear * prices.crisisHousePlaceDay
            suites += mean(.placeOfSafetySuites) * prices.placeOfSafetySuiteYear
        }
        communityCrisis = community
        placesOfSafety = suites
        police = source.perYear(.policeHours) * prices.policeHour
        localAuthority = source.perYear(.delayedBedDays) * prices.delayedDischargeDay
    }

    static let daysPerYear = RateProfile.hoursPerYear / 24

    /// The staff-years that keep `slots` assessments at once open for `hours` every day: one
    /// clinician per slot for each open hour of the year, over the hours a whole-time
    /// clinician works in a year.
    static func slotStaffYears(_ slots: Double, openFor hours: DailyHours, _ prices: CostConfiguration) -> Double {
        slots * min(hours.hoursPerDay, 24) * daysPerYear / prices.staffWorkingHoursPerYear
    }
}
