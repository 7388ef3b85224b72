"""The planner's desk in a real browser: Debian's chromium, driven through chromium-driver by
Selenium. A planner opens the page, runs the baseline, changes its beds, saves and runs the
change, and reads the out-of-area figure of each; a screenshot of the result is kept under
results/test-artifacts/.

Usage: python3 Tests/Browser/planner_desk.py PATH-TO-crisis-sim
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

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

    def out_of_area_placements(self):
        """Waits for the run to finish and reads its out-of-area figure from the page."""
        self.wait().until(lambda b: b.find_element(By.ID, "job-status").get_attribute("data-status")
                          in ("done", "failed", "cancelled"))
        self.assertEqual(self.browser.find_element(By.ID, "job-status").get_attribute("data-status"), "done",
                         self.browser.find_element(By.ID, "job-message").text)
        card = self.browser.find_element(By.CSS_SELECTOR, '[data-kpi="oap.placements"]')
        self.assertIn("Out-of-area placements started", card.text)
        return float(card.find_element(By.CLASS_NAME, "value").text.split()[0].replace(",", ""))

    def test_more_beds_mean_fewer_out_of_area_placements(self):
        browser = self.browser
        browser.get(self.address)
        self.wait().until(ready.element_to_be_clickable((By.CSS_SELECTOR, '[data-id="library/baseline"] .name'))).click()
        beds = self.wait().until(ready.visibility_of_element_located((By.CSS_SELECTOR, 'input[data-key="areas.Northshire.beds"]')))
        self.assertEqual(beds.get_attribute("value"), "74")

        browser.find_element(By.ID, "run").click()
        baseline = self.out_of_area_placements()

        beds.clear()
        beds.send_keys("-5")
        self.wait().until(ready.text_to_be_present_in_element((By.ID, "check"), "expected an integer in [0, 100000], got -5"))
        beds.clear()
        beds.send_keys("94")
        self.wait().until(ready.text_to_be_present_in_element((By.ID, "check"), "Valid: 1 setting changed"))
        os.makedirs(ARTIFACTS, exist_ok=True)
        browser.save_screenshot(os.path.join(ARTIFACTS, "planner-desk-edit.png"))
        name = browser.find_element(By.ID, "draft-name")
        name.clear()
        name.send_keys("baseline-94-beds")
        browser.find_element(By.ID, "save-run").click()
        self.wait().until(ready.text_to_be_present_in_element((By.ID, "job-title"), "baseline-94-beds"))
        more_beds = self.out_of_area_placements()

        screenshot = os.path.join(ARTIFACTS, "planner-desk-run.png")
        browser.execute_script("document.getElementById('job').scrollIntoView()")
        browser.save_screenshot(screenshot)
        print(f"out-of-area placements a year: {baseline} with 74 beds, {more_beds} with 94; screenshot {screenshot}")
        # Twenty more beds on a ward ~95% full: placements fall by far more than the noise of
        # ten replications (Erlang B gives a few a year at 94 beds against ~90 at 74).
        self.assertLess(more_beds, baseline / 2)
        with open(os.path.join(self.folder, "mine", "baseline-94-beds.yaml")) as saved:
            self.assertIn("areas.Northshire.beds: 94", saved.read())


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
