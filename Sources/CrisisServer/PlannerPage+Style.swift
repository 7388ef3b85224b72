extension PlannerPage {
    /// Plain and readable: the report's palette, large enough type for a meeting-room screen.
    static let style = #"""
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2733; background: #f4f6f8; }
        header { background: #005eb8; color: #fff; padding: 14px 24px; }
        header h1 { margin: 0; font-size: 22px; }
        header p { margin: 4px 0 0; max-width: 70em; opacity: .92; }
        main { display: grid; grid-template-columns: 330px 1fr; gap: 18px; padding: 18px 24px; align-items: start; }
        nav, #work > div { background: #fff; border: 1px solid #d8dee4; border-radius: 6px; padding: 14px 16px; }
        #work > div + div { margin-top: 18px; }
        h2 { font-size: 18px; margin: 0 0 6px; }
        h3 { font-size: 16px; margin: 18px 0 4px; }
        .hint { color: #5a6776; font-size: 13px; margin: 2px 0 8px; }
        .folder { font-weight: 600; margin: 12px 0 4px; color: #425563; text-transform: uppercase; font-size: 12px; letter-spacing: .04em; }
        .scenario-item { display: flex; gap: 8px; padding: 6px 4px; border-radius: 4px; cursor: pointer; }
        .scenario-item:hover, .scenario-item.open { background: #e8f0fa; }
        .scenario-item .name { font-weight: 600; }
        .scenario-item .desc { font-size: 13px; color: #425563; }
        .scenario-item .broken { font-size: 13px; color: #a4000f; }
        button, a.button { font: inherit; padding: 6px 12px; border-radius: 4px; border: 1px solid #8a99a8; background: #fff;
          color: #1d2733; cursor: pointer; text-decoration: none; display: inline-block; }
        button.primary { background: #007f3b; border-color: #007f3b; color: #fff; font-weight: 600; }
        button:disabled { opacity: .5; cursor: default; }
        .row { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 8px 0; }
        .grow { flex: 1; display: flex; gap: 6px; align-items: center; }
        .grow input { flex: 1; }
        input, select { font: inherit; padding: 4px 6px; border: 1px solid #8a99a8; border-radius: 4px; }
        input.number, #replications { width: 8em; }
        input.bad { border-color: #a4000f; background: #fdecee; }
        .unsaved-note { color: #8a4b00; background: #fff8e1; border-left: 4px solid #e0a000; padding: 6px 10px; font-size: 14px; }
        #run-list td { padding: 4px 10px 4px 0; border-bottom: 1px solid #e3e8ed; vertical-align: top; }
        #run-list td.message { color: #5a6776; font-size: 13px; }
        .titlebar { display: flex; justify-content: space-between; gap: 16px; flex-wrap: wrap; }
        .actions { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
        #filter { width: 100%; margin: 6px 0 10px; }
        details.section { border-top: 1px solid #e3e8ed; padding: 4px 0; }
        details.section > summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
        .field { display: grid; grid-template-columns: minmax(180px, 260px) 210px 1fr; gap: 4px 12px; padding: 6px 0;
          border-bottom: 1px dotted #e3e8ed; align-items: start; }
        .field label { font-weight: 600; word-break: break-word; }
        .field .key { display: block; font: 12px ui-monospace, monospace; color: #5a6776; font-weight: 400; }
        .field input, .field select { width: 100%; }
        .field .help { font-size: 13px; color: #425563; }
        .field .source { display: block; color: #6b7785; }
        .field.changed { background: #fff8e1; }
        .field.bad input, .field.bad select { border-color: #a4000f; background: #fdecee; }
        .field.bad { background: #fdf3f4; }
        .field .field-problem { grid-column: 2 / 4; color: #a4000f; font-size: 13px; font-weight: 600; white-space: pre-wrap; }
        #draft-name.taken { border-color: #a4000f; background: #fdecee; }
        #savebar { position: sticky; bottom: 0; background: #fff; border-top: 2px solid #005eb8; margin-top: 12px; padding-top: 8px; }
        #check { font-size: 14px; }
        .ok { color: #007f3b; }
        .problems { color: #a4000f; font-family: ui-monospace, monospace; font-size: 13px; white-space: pre-wrap; }
        progress { width: 320px; height: 18px; }
        #job-answer { background: #f0f4f5; border-left: 4px solid #005eb8; padding: 10px 12px; white-space: pre-wrap;
          font: 13px/1.45 ui-monospace, monospace; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 10px; margin: 10px 0; }
        .card { border: 1px solid #d8dee4; border-radius: 6px; padding: 8px 10px; background: #fbfcfd; }
        .card .label { font-size: 13px; color: #425563; }
        .card .value { font-size: 22px; font-weight: 700; }
        .card .interval { font-size: 12px; color: #5a6776; }
        table.figures { border-collapse: collapse; margin: 10px 0; }
        table.figures th, table.figures td { border-bottom: 1px solid #e3e8ed; padding: 4px 10px; text-align: right; }
        table.figures th:first-child, table.figures td:first-child { text-align: left; }
        #job-chart { max-width: 100%; border: 1px solid #d8dee4; margin-top: 10px; background: #fff; }
        iframe { width: 100%; height: 1100px; border: 1px solid #d8dee4; margin-top: 10px; background: #fff; }
        """#
}
