extension PlannerPage {
    /// The page's behaviour: the library, the form with live checking, runs with their
    /// progress (server-sent events) and results. Text from the desk is only ever set as
    /// text, never as markup.
    static let script = #"""
        "use strict";
        const $ = id => document.getElementById(id);
        let current = null, ticked = [], job = null, checkTimer = null;
        // Each live check and each save takes the next number; a check whose number is no
        // longer the latest when its answer comes (a save or another check began since) says
        // nothing, so a save's verdict is never overwritten by a check queued before it.
        let checkSerial = 0, checksInFlight = 0;
        // Most replications the desk runs (ExperimentRequest.maximumReplications).
        const MAXIMUM_REPLICATIONS = 1000;
        // Every scenario name in either folder, and whether the planner typed the draft's name
        // (then it is theirs; until then it follows the changes).
        let names = new Set(), nameTyped = false;

        // The desk's names for the sweep and plan boxes (DeskLever), for marking the one a
        // refusal is about.
        const BOXES = {"lever.key": "sweep-key", "lever.from": "sweep-low", "lever.to": "sweep-high", "lever.step": "sweep-step",
                       "target.bound": "plan-bound"};

        const SECTIONS = {
          run: "Run settings", crht: "Crisis resolution and home treatment team", home_treatment: "Home treatment",
          crisis_house: "Crisis house", liaison: "Liaison psychiatry in the emergency department",
          section_136: "Section 136 and places of safety", beds: "Beds, stays and out-of-area placements",
          representation: "People coming back after an episode", costs: "Unit costs (GBP)",
        };

        function el(tag, attributes = {}, ...children) {
          const node = document.createElement(tag);
          for (const [name, value] of Object.entries(attributes)) {
            if (name === "text") node.textContent = value; else node.setAttribute(name, value);
          }
          for (const child of children) if (child) node.append(child);
          return node;
        }

        async function api(method, url, body) {
          const response = await fetch(url, {
            method, headers: body ? {"Content-Type": "application/json"} : {}, body: body ? JSON.stringify(body) : undefined,
          });
          const data = await response.json().catch(() => ({problems: [`the desk answered ${response.status}`]}));
          if (!response.ok) {
            const error = new Error((data.problems || []).join("\n"));
            error.problems = data.problems || [error.message];
            error.fields = data.fields || [];
            throw error;
          }
          return data;
        }

        // The schema's notes quote keys in backticks, as the docs do; the page shows them plain.
        function plain(text) { return text.replaceAll("`", ""); }

        // A setting's name within its section: "sources › community › per year", so that the
        // several "per year" of an area's sources tell themselves apart.
        function words(key, section) {
          return key.slice(section.length + 1).split(".").map(part => part.replaceAll("_", " ")).join(" › ");
        }

        async function loadLibrary() {
          const data = await api("GET", "/api/scenarios");
          names = new Set(data.scenarios.map(s => s.name));
          const list = $("scenario-list");
          list.replaceChildren();
          const folders = {library: `Shipped with the tool (${data.library}/)`, mine: `Mine (${data.mine}/)`};
          for (const [folder, title] of Object.entries(folders)) {
            list.append(el("div", {class: "folder", text: title}));
            const items = data.scenarios.filter(s => s.folder === folder);
            if (items.length === 0) list.append(el("p", {class: "hint", text: "None yet: save a changed scenario to add one."}));
            for (const scenario of items) {
              const box = el("input", {type: "checkbox", "aria-label": `Tick ${scenario.name} to compare`});
              box.checked = ticked.includes(scenario.id);
              box.addEventListener("change", () => {
                ticked = box.checked ? [...ticked, scenario.id] : ticked.filter(id => id !== scenario.id);
                updateButtons();
              });
              const text = el("div", {}, el("div", {class: "name", text: scenario.name}),
                scenario.problems.length ? el("div", {class: "broken", text: scenario.problems.join("\n")})
                                         : el("div", {class: "desc", text: scenario.description}));
              const item = el("div", {class: "scenario-item", "data-id": scenario.id}, box, text);
              if (current && current.id === scenario.id) item.classList.add("open");
              text.addEventListener("click", () => openScenario(scenario.id));
              list.append(item);
            }
          }
        }

        async function openScenario(id) {
          current = await api("GET", `/api/scenarios/${id}`);
          for (const item of document.querySelectorAll(".scenario-item")) item.classList.toggle("open", item.dataset.id === id);
          $("welcome").hidden = true;
          $("scenario").hidden = false;
          $("scenario-name").textContent = id.split("/")[1];
          $("scenario-description").textContent = current.description;
          $("scenario-path").textContent = current.path;
          $("download-scenario").href = `/api/scenarios/${id}/file`;
          // The box by Run is the one replications setting desk runs use: it starts at the
          // scenario's run.replications, capped at what the desk runs, saying so when capped.
          const replications = current.fields.find(f => f.key === "run.replications");
          const asked = Number(replications && replications.value ? replications.value : 10);
          $("replications").value = Math.min(asked, MAXIMUM_REPLICATIONS);
          $("replications-note").textContent = asked > MAXIMUM_REPLICATIONS
            ? `This scenario asks for ${asked.toLocaleString("en-GB")} replications (run.replications); the desk runs at most ` +
              `${MAXIMUM_REPLICATIONS.toLocaleString("en-GB")}, so the box starts there (the command line runs more).`
            : "Replications for runs, comparisons and sweeps from this desk: the box starts at the scenario's run.replications.";
          nameTyped = false;
          $("draft-name").value = "";
          $("draft-description").value = "";
          renderForm();
          renderSweepChoices();
          updateButtons();
          showCheck("No changes yet.", true);
        }

        // Runs use saved scenarios only: while the form differs from the file, Run, Compare,
        // Sweep and Plan are off with a note saying why, rather than running the file as it
        // was and seeming to run the edits.
        function updateButtons() {
          const unsaved = current !== null && Object.keys(changedValues()).length > 0;
          for (const note of document.querySelectorAll(".unsaved-note")) note.hidden = !unsaved;
          for (const id of ["run", "sweep", "plan"]) $(id).disabled = unsaved;
          $("compare").disabled = unsaved || ticked.length < 2 || ticked.length > 4;
          $("compare").textContent = ticked.length >= 2 ? `Compare ${ticked.length} (base: ${ticked[0].split("/")[1]})`
                                                        : "Compare ticked scenarios";
        }

        function sectionOf(field) {
          const parts = field.section.split(".");
          return ["areas", "cohorts", "ward_types"].includes(parts[0]) ? parts.slice(0, 2).join(".") : parts[0];
        }

        function sectionTitle(section) {
          const [head, name] = section.split(".");
          if (head === "areas") return `Area ${name}: beds, arrivals and its own services`;
          if (head === "cohorts") return `Cohort ${name}`;
          if (head === "ward_types") return `Ward type ${name}`;
          return SECTIONS[head] || head;
        }

        function renderForm() {
          const form = $("form");
          form.replaceChildren();
          const groups = new Map();
          for (const field of current.fields) {
            const section = sectionOf(field);
            if (!groups.has(section)) groups.set(section, []);
            groups.get(section).push(field);
          }
          let first = true;
          for (const [section, fields] of groups) {
            const details = el("details", {class: "section"}, el("summary", {text: sectionTitle(section)}));
            if (section.startsWith("areas.") && first) { details.open = true; first = false; }
            for (const field of fields) details.append(fieldRow(field, section));
            form.append(details);
          }
        }

        function fieldRow(field, section) {
          let input;
          if (field.input === "boolean" || field.input === "choice") {
            input = el("select");
            for (const choice of field.input === "boolean" ? ["true", "false"] : field.choices) input.append(el("option", {text: choice}));
            if (!field.value) input.prepend(el("option", {value: "", text: "(not set)"}));
          } else {
            input = el("input", {type: "text", inputmode: field.input === "yaml" ? "text" : "decimal", spellcheck: "false"});
            if (!field.value) input.placeholder = plain(field.when_absent);
          }
          input.value = field.value;
          input.dataset.key = field.key;
          input.id = `field-${field.key}`;
          const help = el("div", {class: "help"},
            el("span", {text: field.meaning + (field.unit ? ` (${field.unit}).` : ".")}),
            el("span", {class: "source", text: `Allowed: ${field.allowed}. ${field.when_absent === "required" ? "Required." :
              "If not set: " + plain(field.when_absent) + "."}`}),
            // What absence means is said once, above, as the schema says it (a key of a
            // section left out is neither required nor defaulted until the section is given).
            el("span", {class: "source", text: field.set_at ? `Set at ${field.set_at}${field.source ? ": " + field.source : ""}`
                                                           : "Not set in any file."}));
          const row = el("div", {class: "field", "data-key": field.key},
            el("label", {for: input.id, text: words(field.key, section)}, el("span", {class: "key", text: field.key})), input, help);
          if (field.key === "run.replications") {
            help.append(el("span", {class: "source", text: "Runs from this desk take their replications from the box by " +
              "Run (it starts at this value); this setting is what the saved file asks for, as the command line runs it."}));
          }
          row.dataset.search = `${field.key} ${field.meaning} ${field.unit || ""}`.toLowerCase();
          input.addEventListener("input", () => {
            row.classList.toggle("changed", input.value !== field.value);
            updateButtons();
            if (!nameTyped) $("draft-name").value = suggestedName();
            scheduleCheck();
          });
          input.addEventListener("change", () => input.dispatchEvent(new Event("input")));
          return row;
        }

        function changedValues() {
          const values = {};
          for (const field of current.fields) {
            const input = $(`field-${field.key}`);
            if (input && input.value !== field.value) values[field.key] = input.value;
          }
          return values;
        }

        // The form's name for a setting: its words within its section, with its unit.
        function label(field) {
          return words(field.key, sectionOf(field)) + (field.unit ? ` (${field.unit})` : "");
        }

        // A name for the draft that says what it changes (baseline-beds-80): the base's name,
        // then each changed setting's last word and a number's new value; for more than two
        // changes, their count. Never a name either folder has already.
        function suggestedName() {
          const changed = Object.entries(changedValues());
          if (changed.length === 0) return "";
          const base = current.id.split("/")[1];
          const part = ([key, value]) => {
            const typed = value.trim();
            const number = typed.match(/^-?[0-9]+(\.[0-9]+)?$/) ? "-" + typed.replace(/^-/, "minus").replace(".", "_") : "";
            return key.split(".").pop() + number;
          };
          let name = changed.length <= 2 ? [base, ...changed.map(part)].join("-") : `${base}-${changed.length}-changes`;
          name = name.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 72);
          let free = name;
          for (let n = 2; names.has(free); n++) free = `${name}-${n}`;
          return free;
        }

        function draft() {
          return {base: current.id, name: $("draft-name").value.trim(), description: $("draft-description").value.trim(),
                  values: changedValues()};
        }

        // The check's verdict under the form, and each problem of a setting again beside its
        // row (by the form's key, as the desk names it), its section opened to show it.
        function showCheck(text, ok, problems = [], fields = []) {
          const box = $("check");
          box.replaceChildren(el("div", {class: ok ? "ok" : "", text}));
          if (problems.length) box.append(el("div", {class: "problems", text: problems.join("\n")}));
          for (const row of document.querySelectorAll(".field")) {
            const own = fields.filter(f => f.key === row.dataset.key).map(f => f.message);
            row.classList.toggle("bad", own.length > 0);
            row.querySelector(".field-problem")?.remove();
            if (own.length) {
              row.append(el("div", {class: "field-problem", role: "alert", text: own.join("\n")}));
              row.closest("details").open = true;
            }
          }
        }

        // Whether no check is waiting to start or waiting for its answer: the browser test
        // waits for this before reading a verdict that a late check must not replace.
        function checkIdle() { return checkTimer === null && checksInFlight === 0; }

        function scheduleCheck() {
          clearTimeout(checkTimer);
          checkTimer = setTimeout(() => { checkTimer = null; check(); }, 250);
        }

        async function check() {
          const serial = ++checkSerial;
          const body = draft();
          const count = Object.keys(body.values).length;
          if (count === 0) {
            showCheck("No changes yet.", true);
            $("draft-name").classList.remove("taken");
            $("download-draft").removeAttribute("href");
            return;
          }
          let checked = null, failure = null;
          checksInFlight++;
          try {
            checked = await api("POST", "/api/drafts/check", body);
          } catch (error) {
            failure = error;
          } finally {
            checksInFlight--;
          }
          // A save, or a later check, began while this one was asked: its verdict stands.
          if (serial !== checkSerial) return;
          if (failure) {
            showCheck("This scenario cannot run yet:", false, failure.problems, failure.fields);
            $("download-draft").removeAttribute("href");
            return;
          }
          const changed = checked.changes.length;
          $("draft-name").classList.toggle("taken", checked.name_taken);
          if (changed === 0) {
            showCheck("No changes: every value is the one this scenario has.", true);
          } else if (checked.name_taken) {
            showCheck(`Valid: ${changed} setting${changed === 1 ? "" : "s"} changed, but the name is taken: ${checked.path} ` +
                      "exists already, and saving never overwrites a scenario. Choose another name.", false);
          } else {
            showCheck(`Valid: ${changed} setting${changed === 1 ? "" : "s"} changed. It will be saved as ${checked.path}.`, true);
          }
          $("download-draft").href = URL.createObjectURL(new Blob([checked.yaml], {type: "application/yaml"}));
          $("download-draft").download = `${body.name}.yaml`;
        }

        async function save(thenRun) {
          // A check still waiting (queued by the field's change as Save took the focus) or on
          // its way would answer for the form as it was: the save's own verdict replaces it.
          clearTimeout(checkTimer);
          checkTimer = null;
          checkSerial++;
          try {
            const saved = await api("POST", "/api/drafts", draft());
            await loadLibrary();
            await openScenario(saved.id);
            showCheck(`Saved as ${saved.path}.`, true);
            if (thenRun) await startJob({kind: "run", scenarios: [saved.id]});
          } catch (error) {
            showCheck("Not saved:", false, error.problems, error.fields);
          }
        }

        function renderSweepChoices() {
          const select = $("sweep-key");
          select.replaceChildren();
          // Grouped and named as the form shows them; the key is the value sent.
          const groups = new Map();
          for (const field of current.fields) {
            if (["integer", "number", "probability"].includes(field.input) && field.value && !field.key.startsWith("run.")) {
              const section = sectionOf(field);
              if (!groups.has(section)) select.append(groups.set(section, el("optgroup", {label: sectionTitle(section)})).get(section));
              groups.get(section).append(el("option", {value: field.key, text: label(field)}));
            }
          }
          const beds = [...select.options].find(o => /^areas\.[^.]+\.beds$/.test(o.value));
          if (beds) select.value = beds.value;
          suggestRange();
        }

        function suggestRange() {
          const field = current.fields.find(f => f.key === $("sweep-key").value);
          if (!field) return;
          const value = Number(field.value);
          let low, high, step;
          if (field.input === "integer") {
            step = Math.max(1, Math.round(Math.abs(value) / 20));
            low = Math.max(field.minimum ?? 0, value - 5 * step);
            high = value + 5 * step;
          } else {
            low = Math.max(field.minimum ?? 0, value / 2);
            high = field.input === "probability" ? Math.min(1, value * 1.5) : value * 1.5;
            step = Number(((high - low) / 8).toPrecision(2));
          }
          $("sweep-low").value = low; $("sweep-high").value = high; $("sweep-step").value = step;
        }

        // Every start begins from an empty panel, so that nothing of the run before (its
        // status, progress, figures) stands beside what this attempt gets.
        function clearJob() {
          for (const id of ["job-results", "job-files", "job-message", "job-status"]) $(id).replaceChildren();
          for (const input of Object.values(BOXES)) $(input).classList.remove("bad");
          delete $("job-status").dataset.status;
          $("job-progress").hidden = true; $("cancel").hidden = true;
          $("job-chart").hidden = true; $("job-report").hidden = true; $("job-answer").hidden = true;
        }

        async function startJob(request) {
          // As typed: the desk refuses a bad number by name rather than the page dropping it.
          request.replications = $("replications").value;
          // A run started earlier keeps its own stream open until it ends: closing it would
          // cancel that run, and a new start (even a refused one) is no reason to.
          clearJob();
          $("job").hidden = false;
          try {
            job = await api("POST", "/api/runs", request);
          } catch (error) {
            job = null;
            $("job-title").textContent = "Not started";
            $("job-status").textContent = "Not started: the desk refused it.";
            $("job-status").dataset.status = "refused";
            $("job-message").textContent = error.problems.join("\n");
            // The box a problem is about is marked, as the form marks a setting.
            for (const field of error.fields) if (BOXES[field.key]) $(BOXES[field.key]).classList.add("bad");
            $("job").scrollIntoView({behavior: "smooth"});
            return;
          }
          loadRuns();
          $("job").scrollIntoView({behavior: "smooth"});
          $("job-progress").hidden = false;
          renderJob(job);
          const stream = new EventSource(`/api/runs/${job.id}/events`);
          for (const name of ["progress", "done", "failed", "cancelled"]) {
            stream.addEventListener(name, message => {
              const snapshot = JSON.parse(message.data);
              if (name !== "progress") { stream.close(); loadRuns(); }
              // Only the run the panel shows is drawn; an earlier one finishes unseen (the
              // run list shows it) and keeps its folder under the results.
              if (job && job.id === snapshot.id) renderJob(snapshot);
            });
          }
        }

        function renderJob(snapshot) {
          $("job-title").textContent = snapshot.title;
          $("job-progress").max = snapshot.total;
          $("job-progress").value = snapshot.done;
          const status = {
            queued: "Waiting for a free core…",
            running: snapshot.kind === "plan" ? `Planning: ${snapshot.done} of ${snapshot.total} values decided`
                                              : `Running: ${snapshot.done} of ${snapshot.total} replications`,
            done: doneStatus(snapshot),
            failed: "Failed.",
            cancelled: "Cancelled: nothing was written.",
          }[snapshot.status];
          $("job-status").textContent = status;
          $("job-status").dataset.status = snapshot.status;
          $("cancel").hidden = ["done", "failed", "cancelled"].includes(snapshot.status);
          if (snapshot.message) $("job-message").textContent = snapshot.message;
          if (snapshot.status === "done") showResults(snapshot);
        }

        // What a finished run did: a comparison's total is every scenario's replications.
        function doneStatus(snapshot) {
          if (snapshot.kind === "plan") return `Done: ${snapshot.total} values considered.`;
          if (snapshot.kind === "compare") {
            const scenarios = snapshot.results.length;
            return `Done: ${scenarios} scenarios × ${snapshot.total / scenarios} replications.`;
          }
          return `Done: ${snapshot.total} replications.`;
        }

        // The desk's runs, newest first, each with what can be done with it: Cancel while it
        // goes on, Open once done (its results in the panel above).
        async function loadRuns() {
          const data = await api("GET", "/api/runs");
          const list = $("run-list");
          list.replaceChildren();
          if (data.runs.length === 0) {
            list.append(el("tr", {}, el("td", {class: "message", text: "None yet since the desk started."})));
          }
          for (const run of data.runs.slice().reverse()) {
            const action = ["queued", "running"].includes(run.status) ? el("button", {class: "cancel-run", text: "Cancel"})
                         : run.status === "done" ? el("button", {class: "open-run", text: "Open"}) : null;
            if (action) action.addEventListener("click", () => action.classList.contains("open-run") ? openRun(run.id)
              : api("POST", `/api/runs/${run.id}/cancel`).then(loadRuns));
            list.append(el("tr", {"data-id": run.id, "data-status": run.status},
              el("td", {text: run.title}), el("td", {class: "status", text: run.status}),
              el("td", {text: `${run.done} of ${run.total}`}), el("td", {}, action),
              el("td", {class: "message", text: run.message || ""})));
          }
        }

        async function openRun(id) {
          const snapshot = await api("GET", `/api/runs/${id}`);
          clearJob();
          job = snapshot;
          $("job").hidden = false;
          renderJob(snapshot);
          $("job").scrollIntoView({behavior: "smooth"});
        }

        function fileURL(snapshot, name, download) {
          return `/api/runs/${snapshot.id}/files/${name}${download ? "?download=1" : ""}`;
        }

        function showResults(snapshot) {
          const results = $("job-results");
          results.replaceChildren();
          if (snapshot.kind === "run") {
            results.append(el("h3", {text: "Headline figures (mean of the replications, 95% confidence interval)"}));
            const cards = el("div", {class: "cards"});
            for (const kpi of snapshot.results[0].kpis) {
              cards.append(el("div", {class: "card", "data-kpi": kpi.id},
                el("div", {class: "label", text: kpi.label}),
                el("div", {class: "value", text: kpi.value + (kpi.unit ? " " + kpi.unit : "")}),
                el("div", {class: "interval", text: `95% CI ${kpi.interval}`})));
            }
            results.append(cards);
          } else if (snapshot.kind === "compare") {
            results.append(el("h3", {text: "Headline figures by scenario (the report below has the paired changes)"}));
            const table = el("table", {class: "figures"});
            table.append(el("tr", {}, el("th", {text: "KPI"}), ...snapshot.results.map(s => el("th", {text: s.name}))));
            for (const [index, kpi] of snapshot.results[0].kpis.entries()) {
              table.append(el("tr", {"data-kpi": kpi.id}, el("td", {text: kpi.label + (kpi.unit ? ` (${kpi.unit})` : "")}),
                ...snapshot.results.map(s => el("td", {text: s.kpis[index] ? s.kpis[index].value : "-"}))));
            }
            results.append(table);
          }
          if (snapshot.answer) {
            $("job-answer").textContent = snapshot.answer;
            $("job-answer").hidden = false;
          }
          const files = $("job-files");
          files.replaceChildren(el("span", {text: "Download:"}));
          for (const name of snapshot.files) {
            files.append(el("a", {class: "button", href: fileURL(snapshot, name, true), download: name, text: name}));
          }
          if (snapshot.files.includes("sweep.svg")) {
            $("job-chart").src = fileURL(snapshot, "sweep.svg", false);
            $("job-chart").hidden = false;
          }
          const page = ["report.html", "plan.html"].find(name => snapshot.files.includes(name));
          if (page) {
            $("job-report").src = fileURL(snapshot, page, false);
            $("job-report").hidden = false;
          }
        }

        $("run").addEventListener("click", () => startJob({kind: "run", scenarios: [current.id]}));
        $("compare").addEventListener("click", () => startJob({kind: "compare", scenarios: ticked}));
        // The lever and target as the boxes hold them, with the names the page gives them, so
        // that a refusal names those boxes and what was typed in them.
        function lever() {
          const select = $("sweep-key");
          return {key: select.value, label: select.selectedOptions[0] ? select.selectedOptions[0].textContent : select.value,
                  from: $("sweep-low").value, to: $("sweep-high").value, step: $("sweep-step").value};
        }
        $("sweep").addEventListener("click", () => startJob({kind: "sweep", scenarios: [current.id], lever: lever()}));
        $("plan").addEventListener("click", () => startJob({kind: "plan", scenarios: [current.id], lever: lever(),
          target: {kpi: $("plan-kpi").value, label: $("plan-kpi").selectedOptions[0].textContent, bound: $("plan-bound").value}}));
        $("sweep-key").addEventListener("change", suggestRange);
        $("cancel").addEventListener("click", () => job && api("POST", `/api/runs/${job.id}/cancel`));
        $("save").addEventListener("click", () => save(false));
        $("save-run").addEventListener("click", () => save(true));
        $("draft-name").addEventListener("input", () => { nameTyped = true; scheduleCheck(); });
        $("filter").addEventListener("input", () => {
          const text = $("filter").value.trim().toLowerCase();
          for (const details of document.querySelectorAll("details.section")) {
            let any = false;
            for (const row of details.querySelectorAll(".field")) {
              const match = !text || row.dataset.search.includes(text);
              row.hidden = !match;
              any = any || match;
            }
            details.hidden = !any;
            if (text) details.open = any;
          }
        });
        loadLibrary();
        loadRuns();
        """#
}
