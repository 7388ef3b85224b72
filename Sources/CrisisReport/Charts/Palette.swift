/// Series colours: the Okabe–Ito palette, distinguishable with the common colour-vision
/// deficiencies, base scenario first, so a scenario has the same colour in every chart.
/// (Reference lines are styled red in the page's CSS.)
enum Palette {
    static let series = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// The colour of the scenario at `index` (base 0), cycling past the seventh.
    static func colour(_ index: Int) -> String { series[index % series.count] }
}
