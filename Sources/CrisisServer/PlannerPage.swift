/// The desk's one page: markup, style and script in the binary, so it works on a machine
/// with no network and nothing is fetched but the desk's own API (the report it shows is
/// self-contained too).
enum PlannerPage {
    static let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Planner's desk: crisis-sim</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)
        <script>
        \(script)
        </script>
        </body>
        </html>

        """

    private static let body = #"""
        <header>
          <h1>Planner's desk</h1>
          <p>Mental health crisis care: try what-if changes to a catchment area's beds and services, and see what they do to
             out-of-area placements, waits and costs. Everything runs on this computer.</p>
        </header>
        <main>
          <nav id="library" aria-label="Scenarios">
            <h2>Scenarios</h2>
            <p class="hint">Open one to change its settings. Tick two to four to compare them (the first ticked is the base).</p>
            <div id="scenario-list"><p class="hint">Loading…</p></div>
            <button id="compare" disabled>Compare ticked scenarios</button>
            <p class="unsaved-note" hidden>You have unsaved changes: save them as a scenario first, or undo them; runs use
               saved scenarios.</p>
          </nav>
          <section id="work">
            <div id="welcome">
              <h2>Start with a scenario</h2>
              <p><b>baseline</b> is an illustrative 500,000-adult area calibrated to public figures for England; every other
                 scenario changes one lever of it. Open one on the left.</p>
            </div>
            <div id="scenario" hidden>
              <div class="titlebar">
                <div>
                  <h2 id="scenario-name"></h2>
                  <p id="scenario-description"></p>
                  <p class="hint" id="scenario-path"></p>
                </div>
                <div class="actions">
                  <label>Replications <input id="replications" type="text" inputmode="numeric" size="6"
                         title="Independent runs of the same year, 1 to 1000; more give narrower 95% intervals"></label>
                  <button id="run" class="primary">Run this scenario</button>
                  <a id="download-scenario" class="button" download>Download YAML</a>
                </div>
              </div>
              <p class="hint" id="replications-note">Replications for runs, comparisons and sweeps from this desk: the box
                 starts at the scenario's run.replications.</p>
              <p class="unsaved-note" role="status" hidden>You have unsaved changes: save them as a scenario first, or undo
                 them; runs use saved scenarios.</p>
              <p class="hint" id="run-note">Keep this page open while a run goes on: closing or reloading it cancels the run,
                 which the desk's run list then shows as cancelled because the page that started it closed.
                 Starting another run does not stop one still going: it finishes and keeps its results folder.</p>
              <details id="sweep-box">
                <summary>Sweep or plan one lever</summary>
                <p class="hint">A sweep runs the scenario at each value of one setting, with the same people at every value,
                   and charts out-of-area placements, occupancy, waits and cost against it. A plan finds the value with the
                   least total cost that meets a target with 95% confidence, adding replications where calls are close.</p>
                <div class="row">
                  <label>Setting <select id="sweep-key"></select></label>
                  <label>From <input id="sweep-low" class="number" type="text" inputmode="decimal"></label>
                  <label>To <input id="sweep-high" class="number" type="text" inputmode="decimal"></label>
                  <label>Step <input id="sweep-step" class="number" type="text" inputmode="decimal"></label>
                  <button id="sweep">Run sweep</button>
                </div>
                <div class="row">
                  <label>Target <select id="plan-kpi">
                    <option value="oap.bed_days">Out-of-area bed days a year</option>
                    <option value="oap.placements">Out-of-area placements started a year</option>
                    <option value="beds.occupancy">Bed occupancy (%)</option>
                    <option value="time_to_bed.mean">Mean wait for a bed (hours)</option>
                    <option value="ed.bed_waits_over_12h">A&amp;E waits over 12 hours a year</option>
                  </select></label>
                  <label>at most <input id="plan-bound" class="number" type="text" inputmode="decimal" value="1000"></label>
                  <button id="plan">Plan: cheapest value meeting the target</button>
                </div>
              </details>
              <h3>Settings</h3>
              <p class="hint">Change any value: it is checked as you type, exactly as <code>crisis-sim validate</code> checks a
                 file. Saving writes a new scenario that extends this one and sets only what you changed.</p>
              <input id="filter" type="search" placeholder="Find a setting (e.g. beds, crisis house, cost)">
              <div id="form"></div>
              <div id="savebar">
                <div id="check" role="status"></div>
                <div class="row">
                  <label>Save as <input id="draft-name" size="28" placeholder="named after your changes"></label>
                  <label class="grow">Description <input id="draft-description" placeholder="What this scenario asks"></label>
                </div>
                <p class="hint" id="save-note">Saving never overwrites a scenario: a name already in use is refused, so
                   results made with it still match its file. The name suggested is always free.</p>
                <div class="row">
                  <button id="save">Save as new scenario</button>
                  <button id="save-run" class="primary">Save and run</button>
                  <a id="download-draft" class="button" download>Download draft YAML</a>
                </div>
              </div>
            </div>
            <div id="job" hidden>
              <h2 id="job-title"></h2>
              <div class="row">
                <progress id="job-progress" value="0" max="1"></progress>
                <span id="job-status"></span>
                <button id="cancel">Cancel</button>
              </div>
              <div id="job-message" class="problems"></div>
              <pre id="job-answer" hidden></pre>
              <div id="job-results"></div>
              <div id="job-files" class="row"></div>
              <img id="job-chart" alt="Sweep chart" hidden>
              <iframe id="job-report" title="Report" hidden></iframe>
            </div>
            <div id="runs">
              <h2>Runs</h2>
              <p class="hint">Everything started at this desk since it started, newest first. Open shows a finished run's
                 results above; each keeps its folder under the desk's results.</p>
              <table id="run-list"></table>
            </div>
          </section>
        </main>
        """#
}
