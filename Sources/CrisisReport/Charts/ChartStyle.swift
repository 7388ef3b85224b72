/// How chart marks look, by the classes the charts give them: one stylesheet for the charts
/// in the report page and for the standalone sweep.svg, so a line, a band or the 85% line looks
/// the same wherever it is drawn. (Series colours are attributes: they vary by series.)
enum ChartStyle {
    static let css = """
        svg{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif}
        svg text{font-size:12px;fill:#222}svg .tick{font-size:11px;fill:#555}svg .note{fill:#666;font-style:italic}
        svg .panel-title{font-weight:bold}svg .panel-heading{font-size:14px;font-weight:bold}svg .value{font-size:11px;fill:#333}
        svg .chart-title{font-size:16px;font-weight:bold}svg .chart-caption{font-size:11px;fill:#444}
        .grid{stroke:#e6e6e6}.zero{stroke:#9a9a9a}.frame{stroke:#666;fill:none}.tick-mark{stroke:#666}
        .warmup{fill:#ececec}.band{fill-opacity:.22;stroke:none}.line{fill:none;stroke-width:1.6}
        .reference{stroke:#B2182B;stroke-width:1.6;stroke-dasharray:6 4}
        svg .reference-label{fill:#B2182B;font-weight:bold;paint-order:stroke;stroke:#fff;stroke-width:3px}
        .whisker{stroke:#222;stroke-width:1.2;fill:none}.interval{stroke-width:1.6;fill:none}.zero-line{stroke:#444}
        .stripe{fill:#f4f4f4}
        """
}
