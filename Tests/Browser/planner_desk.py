"""The planner's desk in a real browser: Debian's chromium, driven through chromium-driver by
Selenium. A planner opens the page, runs the baseline, changes its beds, saves and runs the
change, and reads the out-of-area figure of each; a start refused after a cancelled run shows
the refusal alone; a later start, refused or not, leaves a run still going to finish; unsaved
edits keep every run button off until saved, and the run list reopens a finished run; a lever's
refusal names the page's boxes. Screenshots of the form's error marking, the refusals, the
unsaved note, the run list and the result are kept under results/test-artifacts/.

Usage: python3 Tests/Browser/planner_desk.py PATH-TO-crisis-sim
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARTIFACTS = os.path.join(ROOT, "results", "test-artifacts")
BINARY = None
# A bound on each wait, not a measurement: a run of the baseline takes well under it.
WAIT_SECONDS = 300


class PlannerDeskInABrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="desk-browser-")
        cls.server = subprocess.Popen(
            [BINARY, "serve", "--port", "0", "--library", os.path.join(ROOT, "Scenarios"),
             "--scenarios", os.path.join(cls.folder, "mine"), "--results", os.path.join(cls.folder, "results")],
            stdout=subprocess.PIPE, text=True)
        line = cls.server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            cls.server.kill()
            raise RuntimeError(f"the desk did not say where it listens: {line!r}")
        cls.address = match.group(0)
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1800"]:
            options.add_argument(argument)
        cls.browser = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.server.send_signal(signal.SIGINT)
        cls.stopped = cls.server.wait(timeout=60)
        shutil.rmtree(cls.folder, ignore_errors=True)

    def wait(self):
        return WebDriverWait(self.browser, WAIT_SECONDS)

    def screenshot(self, name, element=None):
        os.makedirs(ARTIFACTS, exist_ok=True)
        if element is not None:
            self.browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        self.browser.save_screenshot(os.path.join(ARTIFACTS, name))

    def open_scenario(self, id):
        self.wait().until(ready.element_to_be_clickable((By.CSS_SELECTOR, f'[data-id="{id}"] .name'))).click()
        # The page names the scenario in the same step as it draws its form: once the name
        # is this one's, the form is too (not the one open before).
        self.wait().until(lambda b: b.find_element(By.ID, "scenario-name").text == id.split("/")[1])
        return self.wait().until(ready.visibility_of_element_located((By.CSS_SELECTOR, 'input[data-key="areas.Northshire.beds"]')))

    def status(self):
        return self.browser.find_element(By.ID, "job-status").get_attribute("data-status")

    def out_of_area_placements(self):
        """Waits for the run to finish and reads its out-of-area figure from the page."""
        self.wait().until(lambda b: b.find_element(By.ID, "job-status").get_attribute("data-status")
                          in ("done", "failed", "cancelled"))
        self.assertEqual(self.browser.find_element(By.ID, "job-status").get_attribute("data-status"), "done",
                         self.browser.find_element(By.ID, "job-message").text)
        card = self.browser.find_element(By.CSS_SELECTOR, '[data-kpi="oap.placements"]')
        self.assertIn("Out-of-area placements started", card.text)
        return float(card.find_element(By.CLASS_NAME, "value").text.split()[0].replace(",", ""))

    def runs(self):
        """The desk's run list, as the API gives it."""
        with urllib.request.urlopen(self.address + "api/runs") as response:
            return json.load(response)["runs"]

    def run_of(self, id):
        """One run of the desk's list, by id."""
        return next(run for run in self.runs() if run["id"] == id)

    def start_long_run(self):
        """Opens the baseline and starts 1,000 replications: a run still going for a while.
        Returns the replications box."""
        browser = self.browser
        browser.get(self.address)
        self.open_scenario("library/baseline")
        replications = browser.find_element(By.ID, "replications")
        replications.clear()
        replications.send_keys("1000")
        browser.find_element(By.ID, "run").click()
        self.wait().until(lambda b: self.status() in ("queued", "running"))
        return replications

    def test_a_new_start_does_not_cancel_a_run_still_going(self):
        browser = self.browser
        replications = self.start_long_run()
        long_run = self.browser.execute_script("return job.id")
        # A refused start, then an accepted one: neither may stop the run still going.
        replications.clear()
        replications.send_keys("-3")
        browser.find_element(By.ID, "run").click()
        self.wait().until(lambda b: self.status() == "refused")
        replications.clear()
        replications.send_keys("2")
        browser.find_element(By.ID, "run").click()
        self.wait().until(lambda b: self.status() == "done")
        # A closed stream is noticed when a write to it fails, so let the first run report a few
        # more replications: it must go on rather than end cancelled.
        seen = self.run_of(long_run)["done"]
        self.wait().until(lambda b: (lambda run: run["status"] != "running" or run["done"] >= seen + 5)(
            self.run_of(long_run)))
        first = self.run_of(long_run)
        self.assertEqual(first["status"], "running", f"the run started first was stopped by the later starts: {first}")
        urllib.request.urlopen(urllib.request.Request(self.address + f"api/runs/{long_run}/cancel", method="POST"))
        self.wait().until(lambda b: self.run_of(long_run)["status"] == "cancelled")
        # The page still shows the run it started last, not the one cancelled behind it.
        self.assertEqual(self.status(), "done")

    def test_a_refused_start_after_a_cancelled_run_shows_only_the_refusal(self):
        browser = self.browser
        replications = self.start_long_run()
        browser.find_element(By.ID, "cancel").click()
        self.wait().until(lambda b: self.status() == "cancelled")

        for typed, shown in [("-3", "-3"), ("abc", "'abc'")]:
            replications.clear()
            replications.send_keys(typed)
            browser.find_element(By.ID, "run").click()
            self.wait().until(lambda b: self.status() == "refused")
            status = browser.find_element(By.ID, "job-status").text
            self.assertNotIn("Cancelled", status)
            self.assertFalse(browser.find_element(By.ID, "job-progress").is_displayed(), "no progress of the run before")
            self.assertFalse(browser.find_element(By.ID, "cancel").is_displayed())
            self.assertEqual(browser.find_element(By.ID, "job-message").text,
                             f"replications: expected an integer in [1, 1000] here (the command line runs more), got {shown}")
            self.assertEqual(browser.find_element(By.ID, "job-title").text, "Not started")
        self.screenshot("planner-desk-refused.png", browser.find_element(By.ID, "job"))

        # The sweep's lever is named as the form names it, with its unit; the key is the value.
        beds = next(o for o in Select(browser.find_element(By.ID, "sweep-key")).options
                    if o.get_attribute("value") == "areas.Northshire.beds")
        self.assertEqual(beds.get_attribute("textContent"), "beds (beds)")
        for option in Select(browser.find_element(By.ID, "sweep-key")).options:
            self.assertNotIn(option.get_attribute("value"), option.get_attribute("textContent"))
        # A key of the area's start, which the baseline leaves out: neither "Required" nor
        # "the default applies", but what the section's absence means.
        row = browser.find_element(By.CSS_SELECTOR, '.field[data-key="areas.Northshire.start.beds_occupied"] .help')
        help = row.get_attribute("textContent")
        self.assertNotIn("Required.", help)
        self.assertNotIn("default applies", help)
        self.assertIn("required once areas.Northshire.start is given; not given now: an empty system", help)

    def test_more_beds_mean_fewer_out_of_area_placements(self):
        browser = self.browser
        browser.get(self.address)
        beds = self.open_scenario("library/baseline")
        self.assertEqual(beds.get_attribute("value"), "74")
        replications = browser.find_element(By.ID, "replications")
        self.assertEqual(replications.get_attribute("value"), "10")

        browser.find_element(By.ID, "run").click()
        baseline = self.out_of_area_placements()

        beds.clear()
        beds.send_keys("-5")
        self.wait().until(ready.text_to_be_present_in_element((By.ID, "check"),
                                                              "areas.Northshire.beds: expected an integer in [0, 100000], got -5"))
        # The row itself is marked, the message beside it; no hidden file and no list index.
        problem = self.wait().until(ready.visibility_of_element_located(
            (By.CSS_SELECTOR, '.field.bad[data-key="areas.Northshire.beds"] .field-problem')))
        self.assertEqual(problem.text, "expected an integer in [0, 100000], got -5")
        check = browser.find_element(By.ID, "check").text
        self.assertNotIn("areas.0.", check)
        self.assertNotIn(".check-", check)
        self.assertEqual(len(browser.find_elements(By.CSS_SELECTOR, ".field.bad")), 1)
        self.screenshot("planner-desk-error.png", problem)
        beds.clear()
        beds.send_keys("94")
        self.wait().until(ready.text_to_be_present_in_element((By.ID, "check"), "Valid: 1 setting changed"))
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR, ".field.bad"), [])
        self.screenshot("planner-desk-edit.png")
        # The name offered says what changed.
        self.assertEqual(browser.find_element(By.ID, "draft-name").get_attribute("value"), "baseline-beds-94")
        browser.find_element(By.ID, "save-run").click()
        self.wait().until(ready.text_to_be_present_in_element((By.ID, "job-title"), "baseline-beds-94"))
        more_beds = self.out_of_area_placements()

        screenshot = os.path.join(ARTIFACTS, "planner-desk-run.png")
        browser.execute_script("document.getElementById('job').scrollIntoView()")
        browser.save_screenshot(screenshot)
        print(f"out-of-area placements a year: {baseline} with 74 beds, {more_beds} with 94; screenshot {screenshot}")
        # Twenty more beds on a ward ~95% full: placements fall by far more than the noise of
        # ten replications (Erlang B gives a few a year at 94 beds against ~90 at 74).
        self.assertLess(more_beds, baseline / 2)
        path = os.path.join(self.folder, "mine", "baseline-beds-94.yaml")
        with open(path) as saved:
            text = saved.read()
        self.assertIn("areas.Northshire.beds: 94", text)

        # The same change again: the name offered is a free one, and the taken name, typed,
        # is refused by the live check and by Save, which never overwrites.
        beds = self.open_scenario("library/baseline")
        beds.clear()
        beds.send_keys("94")
        self.wait().until(ready.text_to_be_present_in_element((By.ID, "check"), "Valid: 1 setting changed"))
        name = browser.find_element(By.ID, "draft-name")
        self.assertEqual(name.get_attribute("value"), "baseline-beds-94-2")
        name.clear()
        name.send_keys("baseline-beds-94")
        self.wait().until(ready.text_to_be_present_in_element((By.ID, "check"), "the name is taken"))
        self.assertNotIn("Valid: 1 setting changed. It will be saved as", browser.find_element(By.ID, "check").text)
        self.screenshot("planner-desk-taken.png", name)
        browser.find_element(By.ID, "save").click()
        self.wait().until(ready.text_to_be_present_in_element((By.ID, "check"), "Not saved:"))
        self.assertIn("exists already: give the new scenario another name", browser.find_element(By.ID, "check").text)
        with open(path) as saved:
            self.assertEqual(saved.read(), text)

    def check_text(self):
        return self.browser.find_element(By.ID, "check").text

    def test_unsaved_edits_keep_runs_off_until_saved_and_the_saved_scenario_runs(self):
        browser = self.browser
        browser.get(self.address)
        beds = self.open_scenario("library/baseline")
        # Save with nothing changed: that there is nothing to save, not that the name is empty.
        browser.find_element(By.ID, "save").click()
        self.wait().until(ready.text_to_be_present_in_element((By.ID, "check"), "Not saved:"))
        self.assertIn("nothing to save: every value is the one library/baseline has", self.check_text())
        self.assertNotIn("name ''", self.check_text())
        # The form's replications row says which replications desk runs use.
        help = browser.find_element(By.CSS_SELECTOR, '.field[data-key="run.replications"] .help').get_attribute("textContent")
        self.assertIn("Runs from this desk take their replications from the box by Run", help)

        replications_field = browser.find_element(By.ID, "field-run.replications")
        browser.execute_script("arguments[0].closest('details').open = true", replications_field)
        replications_field.clear()
        replications_field.send_keys("2000")
        beds.clear()
        beds.send_keys("90")
        self.wait().until(ready.text_to_be_present_in_element((By.ID, "check"), "Valid: 2 settings changed"))
        # Unsaved: nothing runs the file as it was while the form shows something else.
        for id in ["run", "sweep", "plan", "compare"]:
            self.assertFalse(browser.find_element(By.ID, id).is_enabled(), f"{id} is off while the form is unsaved")
        note = browser.find_element(By.CSS_SELECTOR, "#scenario .unsaved-note")
        self.assertTrue(note.is_displayed())
        self.assertEqual(note.text, "You have unsaved changes: save them as a scenario first, or undo them; runs use saved scenarios.")
        self.screenshot("planner-desk-unsaved.png", browser.find_element(By.ID, "run"))
        name = browser.find_element(By.ID, "draft-name").get_attribute("value")
        self.assertTrue(name.startswith("baseline-"), name)

        browser.find_element(By.ID, "save").click()
        self.wait().until(lambda b: b.find_element(By.ID, "scenario-name").text == name)
        # Once no check waits or is on its way, the save's verdict still stands.
        self.wait().until(lambda b: b.execute_script("return checkIdle()"))
        self.assertIn(f"Saved as {os.path.join(self.folder, 'mine', name)}.yaml.", self.check_text())
        self.assertFalse(note.is_displayed())
        run = browser.find_element(By.ID, "run")
        self.assertTrue(run.is_enabled())
        # The box by Run starts at the scenario's replications, capped at what the desk runs.
        replications = browser.find_element(By.ID, "replications")
        self.assertEqual(replications.get_attribute("value"), "1000")
        self.assertIn("This scenario asks for 2,000 replications (run.replications); the desk runs at most 1,000",
                      browser.find_element(By.ID, "replications-note").text)
        replications.clear()
        replications.send_keys("2")
        run.click()
        self.wait().until(lambda b: b.find_element(By.ID, "job-title").text == name)
        self.out_of_area_placements()

        # The run list has it, and a reopened page lists it and opens its results.
        finished = f'#run-list tr[data-id="{self.browser.execute_script("return job.id")}"]'
        self.wait().until(lambda b: b.find_element(By.CSS_SELECTOR, finished).get_attribute("data-status") == "done")
        browser.get(self.address)
        row = self.wait().until(ready.visibility_of_element_located((By.CSS_SELECTOR, finished)))
        self.assertEqual(row.find_elements(By.TAG_NAME, "td")[0].text, name)
        self.assertEqual(row.find_elements(By.TAG_NAME, "td")[2].text, "2 of 2")
        self.screenshot("planner-desk-runs.png", row)
        row.find_element(By.CLASS_NAME, "open-run").click()
        self.wait().until(lambda b: self.status() == "done")
        self.assertEqual(browser.find_element(By.ID, "job-title").text, name)
        self.assertEqual(browser.find_element(By.ID, "job-status").text, "Done: 2 replications.")
        browser.find_element(By.CSS_SELECTOR, '[data-kpi="oap.placements"]')

    def test_lever_refusals_use_the_pages_words_and_a_comparison_counts_scenarios(self):
        browser = self.browser
        browser.get(self.address)
        self.open_scenario("library/baseline")
        browser.execute_script("document.getElementById('sweep-box').open = true")
        low, high = browser.find_element(By.ID, "sweep-low"), browser.find_element(By.ID, "sweep-high")
        low.clear()
        low.send_keys("94")
        high.clear()
        high.send_keys("54")
        browser.find_element(By.ID, "sweep").click()
        self.wait().until(lambda b: self.status() == "refused")
        self.assertEqual(browser.find_element(By.ID, "job-message").text,
                         "beds (beds): To (54) is below From (94): the sweep tries beds (beds) from the From value up to the To value")
        self.assertIn("bad", high.get_attribute("class"))
        self.assertNotIn("bad", low.get_attribute("class"))
        self.screenshot("planner-desk-lever-refused.png", high)
        high.clear()
        high.send_keys("98")
        bound = browser.find_element(By.ID, "plan-bound")
        bound.clear()
        bound.send_keys("abc")
        browser.find_element(By.ID, "plan").click()
        self.wait().until(lambda b: self.status() == "refused" and "abc" in b.find_element(By.ID, "job-message").text)
        self.assertEqual(browser.find_element(By.ID, "job-message").text,
                         "Target Out-of-area bed days a year at most: expected a number such as 1000, got 'abc'")
        self.assertIn("bad", bound.get_attribute("class"))
        self.assertNotIn("bad", high.get_attribute("class"))

        for id in ["library/baseline", "library/beds-minus-10", "library/beds-plus-10"]:
            browser.find_element(By.CSS_SELECTOR, f'[data-id="{id}"] input').click()
        replications = browser.find_element(By.ID, "replications")
        replications.clear()
        replications.send_keys("2")
        browser.find_element(By.ID, "compare").click()
        self.wait().until(lambda b: self.status() in ("done", "failed", "cancelled"))
        self.assertEqual(browser.find_element(By.ID, "job-status").text, "Done: 3 scenarios × 2 replications.")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    BINARY = os.path.abspath(sys.argv.pop())
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    stopped = getattr(PlannerDeskInABrowser, "stopped", None)
    if stopped != 0:
        print(f"the desk exited with status {stopped} on Ctrl-C, not 0")
        failed += 1
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
