/// Estimates of one arrival source from its arrival times, in the scenario's terms
/// (`areas[].sources.<source>`: `per_year`, `hour_of_day_weights`, `day_of_week_weights`,
/// `annual_growth`), each with its uncertainty, and a check that the arrivals are as Poisson
/// as the model assumes.
public struct ArrivalEstimate: Sendable, Equatable {
    /// The observation window [start, end), model hours (hour 0 = Monday 00:00).
    public let start: Double
    public let end: Double
    /// Arrivals per year over the window with Garwood's interval (`per_year` when there is
    /// no growth; see `growth.perYearAtEnd` when there is).
    public let volume: ArrivalVolume
    /// 24 weights, midnight-01:00 first, mean 1: `hour_of_day_weights`. Empty without arrivals.
    public let hourOfDay: [ArrivalWeight]
    /// 7 weights, Monday first, mean 1: `day_of_week_weights`. Empty without arrivals.
    public let dayOfWeek: [ArrivalWeight]
    /// `annual_growth`, or nil when the window cannot show a trend (under two 28-day bins
    /// with arrivals).
    public let growth: ArrivalGrowth?
    /// Week-to-week variation against Poisson; nil under two whole weeks or no arrivals.
    public let dispersion: ArrivalDispersion?
}

/// Fits an arrival source to its arrival times (see `ArrivalEstimate`). Times are model hours
/// (hour 0 = Monday 00:00, as in the model, so hour 30 is Tuesday 06:00-07:00); the window
/// must be at least a week so every hour of the week is observed.
public enum ArrivalFit {
    public static func fit(times: [Double], start: Double, end: Double,
                           confidence: Double = 0.95) throws -> ArrivalEstimate {
        _ = FitGSL.errorHandlerDisabled
        try ArrivalFitError.checkConfidence(confidence)
        let window = try ArrivalWindow(start: start, end: end)
        try window.check(times)
        let volume = try ArrivalVolume.estimate(count: times.count, hours: window.hours, confidence: confidence)
        guard !times.isEmpty else {
            return ArrivalEstimate(start: start, end: end, volume: volume, hourOfDay: [], dayOfWeek: [],
                                   growth: nil, dispersion: nil)
        }
        let profile = try ArrivalProfileFit.fit(counts: ArrivalWindow.countsByHourOfWeek(times),
                                                exposure: window.exposureByHourOfWeek(), confidence: confidence)
        let growth = try ArrivalGrowth.fit(times: times, window: window, hourOfWeekWeights: profile.hourOfWeek,
                                           confidence: confidence)
        let dispersion = ArrivalDispersion.check(times: times, window: window, hourOfWeekWeights: profile.hourOfWeek,
                                                 growth: growth)
        return ArrivalEstimate(start: start, end: end, volume: volume, hourOfDay: profile.hourOfDay,
                               dayOfWeek: profile.dayOfWeek, growth: growth, dispersion: dispersion)
    }

    /// The same, with the window as a half-open range of model hours.
    public static func fit(times: [Double], window: Range<Double>, confidence: Double = 0.95) throws -> ArrivalEstimate {
        try fit(times: times, start: window.lowerBound, end: window.upperBound, confidence: confidence)
    }
}
