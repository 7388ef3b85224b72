"""The baseline's core crisis pathway in SimPy: the peer a health modeller would write.

It reads the same scenario file crisis-sim runs (Benchmarks/peers/core-pathway.yaml, which
extends Scenarios/baseline.yaml) and models what crisis-sim's CrisisModel does for these
parts (Sources/CrisisModel/Pathway):

  - community referrals and A&E presentations: non-stationary Poisson arrivals with the
    scenario's hour-of-day x day-of-week profile (hour 0 is Monday 00:00; a year is 8,766
    hours), drawn here by thinning (crisis-sim inverts the integrated rate: the same process);
  - A&E: liaison practitioners with their hours, then discharge, a crisis team referral, or
    an admission request that waits in A&E for the crisis team's gatekeeping assessment;
  - the crisis team (CRHT): assessors with their hours (an assessment that has started is
    finished after closing; nobody new is taken until the team opens), response then
    assessment time, then home treatment, an admission request, or discharge;
  - gatekeeping: detained requests go to a bed; informal ones are diverted to home
    treatment with the avoided share; home treatment has a caseload cap (when full, the
    person is admitted instead) and a share of episodes escalates to an admission request,
    the person keeping their caseload place until a bed is found;
  - beds: a free local bed, else the person waits (FIFO) while an out-of-area bed is
    searched for, and is placed out of area if the search ends first; the clinical stay
    (informal or detained, drawn when the person arrives) and, for a share, a delayed
    discharge hold the local bed.

Hours, as in crisis-sim. Warm-up, then the measured horizon; counts are per year of 365.25
days. Refuses (exit 2) a scenario using anything it does not model.

Run: python3 crisis_simpy.py SCENARIO --replications N [--seed S] [--csv FILE]
It prints one line per replication and, with --csv, writes one row per replication with the
KPIs under crisis-sim's identifiers (`crisis-sim kpis` defines them).
"""
import argparse
import csv
import math
import os
import random
import sys

import simpy
import yaml

HOURS_PER_YEAR = 8766.0  # 365.25 days, crisis-sim's RateProfile.hoursPerYear
HOURS_PER_WEEK = 168

KPIS = [
    "presentations.community",
    "presentations.emergency_department",
    "crht.assessments",
    "admissions.requests",
    "admissions.avoided_by_gatekeeping",
    "admissions.total",
    "admissions.detained",
    "admissions.gatekept",
    "home_treatment.episodes",
    "home_treatment.escalations",
    "beds.occupancy",
    "oap.placements",
    "time_to_bed.mean",
    "ed.bed_waits_over_12h",
]


# ---------------------------------------------------------------- scenario files

class ScenarioError(Exception):
    pass


def merge(base, change):
    """`extends`: mappings merge key by key; anything else is replaced whole; null removes."""
    if not isinstance(base, dict) or not isinstance(change, dict):
        return change
    merged = dict(base)
    for key, value in change.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge(base.get(key), value)
    return merged


def set_path(doc, path, value):
    """`set:`: a dotted key path; a list item by index or by its `name`."""
    parts = path.split(".")
    node = doc
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if isinstance(node, list):
            index = int(part) if part.isdigit() else next(
                (k for k, item in enumerate(node) if isinstance(item, dict) and item.get("name") == part), None)
            if index is None:
                raise ScenarioError(f"set: no list item named {part} in {path}")
            if last:
                node[index] = value
            node = node[index]
        else:
            if last:
                node[part] = value
            else:
                node = node.setdefault(part, {})


def load_scenario(path):
    with open(path) as f:
        doc = yaml.safe_load(f) or {}
    settings = doc.pop("set", None) or {}
    if "extends" in doc:
        base = load_scenario(os.path.join(os.path.dirname(path), doc.pop("extends")))
        doc = merge(base, doc)
    for key, value in settings.items():
        set_path(doc, key, value)
    return doc


def distribution(spec, what):
    """A sampler for a scenario distribution, parameterised as crisis-sim's Distribution."""
    kind = spec.get("type")
    if kind == "fixed":
        value = float(spec["value"])
        return lambda rng: value
    if kind == "exponential":
        mean = float(spec["mean"])
        return lambda rng: rng.expovariate(1.0 / mean)
    if kind == "lognormal":
        if "mu" in spec:
            mu, sigma = float(spec["mu"]), float(spec["sigma"])
        elif "cv" in spec:  # sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2
            sigma2 = math.log1p(float(spec["cv"]) ** 2)
            mu, sigma = math.log(float(spec["mean"])) - sigma2 / 2, math.sqrt(sigma2)
        else:  # mean and median: mu = ln(median), sigma^2 = 2 ln(mean / median)
            mu = math.log(float(spec["median"]))
            sigma = math.sqrt(2 * math.log(float(spec["mean"]) / float(spec["median"])))
        return lambda rng: rng.lognormvariate(mu, sigma)
    raise ScenarioError(f"{what}: the SimPy peer models fixed, exponential and lognormal, not {kind}")


def hourly_rates(source):
    """168 arrival rates per hour, Monday 00:00 first: hour-of-day x day-of-week weights
    normalised to mean 1, times per_year / 8,766 (crisis-sim's RateProfile)."""
    hours = source.get("hour_of_day_weights") or [1.0] * 24
    days = source.get("day_of_week_weights") or [1.0] * 7
    weights = [d * h for d in days for h in hours]
    mean = sum(weights) / len(weights)
    per_hour = float(source.get("per_year", 0)) / HOURS_PER_YEAR
    return [per_hour * w / mean for w in weights] if mean > 0 else [0.0] * HOURS_PER_WEEK


class Parameters:
    """The scenario's values this model uses, after checking it uses nothing else."""

    def __init__(self, doc):
        problems = []

        def need(condition, message):
            if not condition:
                problems.append(message)

        areas = doc.get("areas", [])
        need(len(areas) == 1, "exactly one area")
        area = areas[0] if areas else {}
        sources = area.get("sources", {})
        need(float(sources.get("police", {}).get("per_year", 0)) == 0, "no police contacts (section 136)")
        for name in ("community", "emergency_department"):
            need(float(sources.get(name, {}).get("annual_growth", 0)) == 0, f"no annual growth of {name}")
        need(not area.get("bed_network") and not area.get("services") and not area.get("bed_schedule")
             and not area.get("start"), "no bed network, service schedules, bed schedule or starting position")
        need(not doc.get("ward_types"), "one ward type")
        cohorts = doc.get("cohorts", [{"share": 1}])
        need(len(cohorts) == 1 and set(cohorts[0]) <= {"name", "share"}, "one cohort with the scenario's own values")
        crht, beds = doc["crht"], doc["beds"]
        need(crht.get("out_of_hours", "wait") == "wait", "crht.out_of_hours: wait")
        need(float(crht["referral_outcomes"].get("crisis_house", 0)) == 0, "no referrals to a crisis house")
        need(int(doc.get("crisis_house", {}).get("places", 0)) == 0, "no crisis house places")
        need(doc["home_treatment"].get("when_full", "admit") == "admit", "home_treatment.when_full: admit")
        need(float(doc.get("representation", {}).get("probability", 0)) == 0, "no re-presentation")
        need(not beds.get("repatriation", False), "no repatriation")
        if problems:
            raise ScenarioError("the SimPy peer models only the core pathway; this scenario needs: "
                                + "; ".join(problems))

        run = doc.get("run", {})
        self.seed = int(run.get("seed", 42))
        self.warmup_hours = float(run.get("warmup_days", 365)) * 24
        self.horizon_hours = float(run.get("horizon_days", 365)) * 24
        self.beds = int(area["beds"])
        self.community_rates = hourly_rates(sources["community"])
        self.ed_rates = hourly_rates(sources["emergency_department"])
        self.crht_hours = (float(crht["hours"]["start_hour"]), float(crht["hours"]["hours_per_day"]))
        self.assessors = int(crht["assessors"])
        self.crht_response = distribution(crht["response_hours"], "crht.response_hours")
        self.crht_assessment = distribution(crht["assessment_hours"], "crht.assessment_hours")
        outcomes = crht["referral_outcomes"]
        self.referral_outcomes = [(k, float(outcomes.get(k, 0))) for k in ("home_treatment", "admission_request", "discharge")]
        self.avoided_share = float(crht["admissions_avoided_share"])
        self.detained_request_share = float(crht["detained_request_share"])
        liaison = doc["liaison"]
        self.liaison_hours = (float(liaison["hours"]["start_hour"]), float(liaison["hours"]["hours_per_day"]))
        self.practitioners = int(liaison["practitioners"])
        self.liaison_response = distribution(liaison["response_hours"], "liaison.response_hours")
        self.liaison_assessment = distribution(liaison["assessment_hours"], "liaison.assessment_hours")
        lo = liaison["outcomes"]
        self.liaison_outcomes = [(k, float(lo.get(k, 0))) for k in ("discharge_with_follow_up", "referral_to_crht", "admission_request")]
        ht = doc["home_treatment"]
        self.caseload = int(ht["staff"]) * int(ht["caseload_per_staff"])
        self.episode_days = distribution(ht["episode_days"], "home_treatment.episode_days")
        self.escalation = float(ht["escalation_probability"])
        self.informal_stay_days = distribution(beds["informal_stay_days"], "beds.informal_stay_days")
        self.detained_stay_days = distribution(beds["detained_stay_days"], "beds.detained_stay_days")
        self.bed_search_hours = distribution(beds["bed_search_hours"], "beds.bed_search_hours")
        self.delay_probability = float(beds.get("delayed_discharge_probability", 0))
        self.delay_days = distribution(beds["delay_days"], "beds.delay_days") if "delay_days" in beds else None


def choose(rng, outcomes):
    """One outcome of a split whose shares sum to 1 (or are normalised)."""
    u = rng.random() * sum(share for _, share in outcomes)
    for name, share in outcomes:
        u -= share
        if u < 0:
            return name
    return outcomes[-1][0]


# ---------------------------------------------------------------- the model

class Person:
    __slots__ = ("in_ed", "detained", "informal_stay", "detained_stay", "caseload_place")

    def __init__(self, in_ed, informal_stay, detained_stay):
        self.in_ed = in_ed              # waits in A&E for gatekeeping and a bed
        self.detained = False
        self.informal_stay = informal_stay  # hours; both drawn on arrival, as crisis-sim does
        self.detained_stay = detained_stay
        self.caseload_place = None      # the home treatment place held while waiting for a bed


class CorePathway:
    def __init__(self, env, p, seed, replication):
        self.env, self.p = env, p
        # One generator per process, seeded from (seed, replication, name), so a process's
        # draws do not depend on what else the model draws.
        self.rng = {name: random.Random(f"{seed}/{replication}/{name}") for name in (
            "community", "ed", "stays", "crht", "crht.outcome", "legal", "avoid", "liaison",
            "liaison.outcome", "home_treatment", "search", "delay")}
        self.crht = simpy.PriorityResource(env, capacity=p.assessors)
        self.liaison = simpy.PriorityResource(env, capacity=p.practitioners)
        self.caseload = simpy.Resource(env, capacity=p.caseload)
        self.beds = simpy.Resource(env, capacity=p.beds)
        self.counts = dict.fromkeys(("community", "ed", "assessments", "requests", "avoided", "informal", "detained",
                                     "gatekept", "episodes", "escalations", "oap", "ed_over_12h", "served",
                                     "wait_hours"), 0.0)
        self.bed_hours, self.beds_noted_at = 0.0, 0.0
        env.process(self.rota(self.crht, *p.crht_hours))
        env.process(self.rota(self.liaison, *p.liaison_hours))
        env.process(self.arrivals(p.community_rates, self.rng["community"], self.community_referral, "community"))
        env.process(self.arrivals(p.ed_rates, self.rng["ed"], self.ed_presentation, "ed"))
        env.process(self.warm_up())

    # -- bookkeeping
    def note_beds(self):
        """Bed hours occupied since the last change (call before the count changes)."""
        now = self.env.now
        self.bed_hours += self.beds.count * (now - self.beds_noted_at)
        self.beds_noted_at = now

    def warm_up(self):
        yield self.env.timeout(self.p.warmup_hours)
        self.note_beds()
        self.bed_hours = 0.0
        for key in self.counts:
            self.counts[key] = 0.0

    def kpis(self):
        self.note_beds()
        c, years = self.counts, self.p.horizon_hours / HOURS_PER_YEAR
        admissions = c["informal"] + c["detained"]
        return {
            "presentations.community": c["community"] / years,
            "presentations.emergency_department": c["ed"] / years,
            "crht.assessments": c["assessments"] / years,
            "admissions.requests": c["requests"] / years,
            "admissions.avoided_by_gatekeeping": c["avoided"] / years,
            "admissions.total": admissions / years,
            "admissions.detained": c["detained"] / years,
            "admissions.gatekept": 100 * c["gatekept"] / admissions if admissions else float("nan"),
            "home_treatment.episodes": c["episodes"] / years,
            "home_treatment.escalations": c["escalations"] / years,
            "beds.occupancy": 100 * self.bed_hours / (self.p.beds * self.p.horizon_hours),
            "oap.placements": c["oap"] / years,
            "time_to_bed.mean": c["wait_hours"] / c["served"] if c["served"] else float("nan"),
            "ed.bed_waits_over_12h": c["ed_over_12h"] / years,
        }

    # -- arrivals and hours
    def arrivals(self, rates, rng, pathway, source):
        """Non-stationary Poisson arrivals by thinning a Poisson stream at the peak rate."""
        peak = max(rates)
        if peak <= 0:
            return
        stays = self.rng["stays"]
        while True:
            yield self.env.timeout(rng.expovariate(peak))
            if rng.random() * peak < rates[int(self.env.now) % HOURS_PER_WEEK]:
                self.counts[source] += 1
                person = Person(source == "ed", self.p.informal_stay_days(stays) * 24, self.p.detained_stay_days(stays) * 24)
                self.env.process(pathway(person))

    def rota(self, staff, start_hour, hours_per_day):
        """Opening hours: while closed, every member of staff is held by a higher-priority
        request, so people queue until opening; an assessment under way is finished."""
        if hours_per_day >= 24:
            return
        env = self.env

        while True:
            if (env.now % 24 - start_hour) % 24 < hours_per_day:  # open now
                yield env.timeout((start_hour + hours_per_day - env.now % 24) % 24 or 24)  # until closing
            off_duty = [staff.request(priority=-1) for _ in range(staff.capacity)]
            yield env.timeout((start_hour - env.now % 24) % 24 or 24)  # until opening
            for request in off_duty:  # queued ones first, or they would take a returning assessor
                if not request.triggered:
                    request.cancel()
            for request in off_duty:
                if request.triggered:
                    staff.release(request)

    # -- pathways
    def assess(self, staff, response, assessment, rng):
        with staff.request(priority=0) as request:
            yield request
            yield self.env.timeout(response(rng) + assessment(rng))

    def crht_assessment(self, person):
        yield from self.assess(self.crht, self.p.crht_response, self.p.crht_assessment, self.rng["crht"])
        self.counts["assessments"] += 1

    def community_referral(self, person):
        yield from self.crht_assessment(person)
        outcome = choose(self.rng["crht.outcome"], self.p.referral_outcomes)
        if outcome == "home_treatment":
            yield from self.home_treatment(person)
        elif outcome == "admission_request":
            yield from self.admission_request(person)

    def ed_presentation(self, person):
        yield from self.assess(self.liaison, self.p.liaison_response, self.p.liaison_assessment, self.rng["liaison"])
        outcome = choose(self.rng["liaison.outcome"], self.p.liaison_outcomes)
        if outcome == "referral_to_crht":
            person.in_ed = False  # the crisis team sees them after they leave A&E
            yield from self.community_referral(person)
        elif outcome == "admission_request":
            self.counts["requests"] += 1
            self.decide_legal_status(person)
            # Waits in A&E for the crisis team's gatekeeping assessment.
            yield from self.crht_assessment(person)
            yield from self.gatekeep(person)

    def decide_legal_status(self, person):
        if self.rng["legal"].random() < self.p.detained_request_share:
            person.detained = True

    def admission_request(self, person):
        """Raised by the crisis team itself (its assessment, home treatment): gatekept at once."""
        self.counts["requests"] += 1
        self.decide_legal_status(person)
        yield from self.gatekeep(person)

    def gatekeep(self, person):
        if not person.detained and self.rng["avoid"].random() < self.p.avoided_share:
            self.counts["avoided"] += 1
            person.in_ed = False  # diverted: they leave A&E (or their caseload place) for home treatment
            self.leave_caseload(person)
            yield from self.home_treatment(person)
        else:
            yield from self.request_bed(person)

    def leave_caseload(self, person):
        if person.caseload_place is not None:
            self.caseload.release(person.caseload_place)
            person.caseload_place = None

    def home_treatment(self, person):
        if self.caseload.count >= self.caseload.capacity:
            # A full caseload cannot take a diversion: the person is admitted instead.
            self.counts["requests"] += 1
            self.decide_legal_status(person)
            yield from self.request_bed(person)
            return
        place = self.caseload.request()
        yield place
        self.counts["episodes"] += 1
        rng = self.rng["home_treatment"]
        yield self.env.timeout(self.p.episode_days(rng) * 24)
        if rng.random() < self.p.escalation:
            self.counts["escalations"] += 1
            person.caseload_place = place  # kept until a bed is found
            yield from self.admission_request(person)
        else:
            self.caseload.release(place)

    def request_bed(self, person):
        env, beds = self.env, self.beds
        requested = env.now
        if beds.count < beds.capacity:
            self.note_beds()
            bed = beds.request()
            yield bed
        else:
            search = self.p.bed_search_hours(self.rng["search"])
            bed = beds.request()
            if search > 0:
                yield bed | env.timeout(search)
            if not bed.triggered:
                bed.cancel()
                self.admitted(person, requested)
                self.counts["oap"] += 1
                return
        self.admitted(person, requested)
        yield env.timeout(person.detained_stay if person.detained else person.informal_stay)
        rng = self.rng["delay"]
        if self.p.delay_days is not None and rng.random() < self.p.delay_probability:
            yield env.timeout(self.p.delay_days(rng) * 24)
        self.note_beds()
        beds.release(bed)

    def admitted(self, person, requested):
        """An admission, local or out of area; the person leaves where they waited."""
        c, waited = self.counts, self.env.now - requested
        c["detained" if person.detained else "informal"] += 1
        c["gatekept"] += 1  # under `wait` every admission here is gatekept
        c["served"] += 1
        c["wait_hours"] += waited
        if person.in_ed and waited > 12:
            c["ed_over_12h"] += 1
        self.leave_caseload(person)


def run_replication(p, seed, replication):
    env = simpy.Environment()
    model = CorePathway(env, p, seed, replication)
    env.run(until=p.warmup_hours + p.horizon_hours)
    return model.kpis()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("--replications", type=int, default=10)
    parser.add_argument("--seed", type=int, help="master seed (default: the scenario's run.seed)")
    parser.add_argument("--csv", help="write one row per replication here")
    parser.add_argument("--quiet", action="store_true", help="print nothing per replication")
    args = parser.parse_args()
    try:
        p = Parameters(load_scenario(args.scenario))
    except (ScenarioError, KeyError, ValueError) as error:
        print(f"crisis_simpy: {args.scenario}: {error}", file=sys.stderr)
        sys.exit(2)
    seed = p.seed if args.seed is None else args.seed
    rows = []
    for r in range(args.replications):
        kpis = run_replication(p, seed, r)
        rows.append(kpis)
        if not args.quiet:
            print(f"replication={r} " + " ".join(f"{k}={v:.4g}" for k, v in kpis.items()))
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["replication"] + KPIS)
            for r, kpis in enumerate(rows):
                writer.writerow([r] + [repr(kpis[k]) for k in KPIS])


if __name__ == "__main__":
    main()
