import Foundation

/// An observation window [start, end) in model hours, cut into the pieces the arrival fits
/// count exposure over.
///
/// The model's rate is constant within each whole hour (`RateProfile.rate(duringHour:)`), its
/// weights repeat every 168 hours with hour 0 at Monday 00:00, and growth compounds on the
/// whole hour's index. So exposure is kept per whole model hour h: the piece of [h, h + 1)
/// inside the window, with its hour of the week ((h mod 168), Monday 00:00-01:00 first).
/// A window that is not whole weeks, or starts mid-hour, gives hours of the week unequal
/// exposure; the fits divide by it rather than assume it is equal.
struct ArrivalWindow {
    static let hoursPerWeek = 168
    /// The shortest window fitted: a week, so every hour of the week is seen for an hour.
    static let minimumHours = 168.0

    /// One piece of a whole model hour inside the window and inside one bin.
    struct Cell {
        /// The whole model hour the piece lies in.
        let hour: Int
        /// Its length in hours (1 except at the window's edges and at bin boundaries).
        let length: Double
        /// Index of the bin (of `binHours` from the window's start) the piece lies in.
        let bin: Int
        var hourOfWeek: Int { ArrivalWindow.hourOfWeek(hour) }
    }

    let start: Double
    let end: Double
    var hours: Double { end - start }

    init(start: Double, end: Double) throws {
        guard start.isFinite, end.isFinite, end - start >= Self.minimumHours else {
            throw ArrivalFitError.invalidWindow(start: start, end: end, minimumHours: Self.minimumHours)
        }
        self.start = start
        self.end = end
    }

    /// Hour of the week (0 = Monday 00:00-01:00) of whole model hour `hour`, for any sign.
    static func hourOfWeek(_ hour: Int) -> Int {
        ((hour % hoursPerWeek) + hoursPerWeek) % hoursPerWeek
    }

    /// The whole model hour containing time `t`.
    static func hour(of t: Double) -> Int { Int(floor(t)) }

    /// Checks every time is finite and in [start, end).
    func check(_ times: [Double]) throws {
        for (index, time) in times.enumerated() where !(time.isFinite && time >= start && time < end) {
            throw ArrivalFitError.timeOutsideWindow(index: index, time: time, start: start, end: end)
        }
    }

    /// Where bin `index` (of `binHours` from the start) begins; the one formula both cells and
    /// events are binned by, so an event on a boundary lands in the bin its cell is in.
    func binStart(_ index: Int, binHours: Double) -> Double { start + Double(index) * binHours }

    /// The bin time `t` falls in: binStart(bin) <= t < binStart(bin + 1).
    func bin(of t: Double, binHours: Double) -> Int {
        var bin = Int(floor((t - start) / binHours))
        if t >= binStart(bin + 1, binHours: binHours) { bin += 1 }
        if t < binStart(bin, binHours: binHours) { bin -= 1 }
        return bin
    }

    /// Number of bins of `binHours` the window touches (the last may be partial).
    func binCount(binHours: Double) -> Int { bin(of: end.nextDown, binHours: binHours) + 1 }

    /// The window cut at whole hours and at every bin boundary start + k × binHours.
    func cells(binHours: Double) -> [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(Int(hours) + binCount(binHours: binHours) + 2)
        var hour = Self.hour(of: start)
        var bin = 0
        var t = start
        while t < end {
            let hourEnd = Double(hour + 1)
            let binEnd = binStart(bin + 1, binHours: binHours)
            let pieceEnd = min(hourEnd, binEnd, end)
            if pieceEnd > t { cells.append(Cell(hour: hour, length: pieceEnd - t, bin: bin)) }
            t = pieceEnd
            if t >= hourEnd { hour += 1 }
            if t >= binEnd { bin += 1 }
        }
        return cells
    }

    /// Hours of exposure of each of the 168 hours of the week.
    func exposureByHourOfWeek() -> [Double] {
        var exposure = [Double](repeating: 0, count: Self.hoursPerWeek)
        for cell in cells(binHours: hours) { exposure[cell.hourOfWeek] += cell.length }
        return exposure
    }

    /// Arrivals in each of the 168 hours of the week.
    static func countsByHourOfWeek(_ times: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: hoursPerWeek)
        for time in times { counts[hourOfWeek(hour(of: time))] += 1 }
        return counts
    }
}
