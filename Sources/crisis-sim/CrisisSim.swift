import ArgumentParser

@main
struct CrisisSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crisis-sim",
        abstract: "Discrete-event simulation of mental health crisis care pathways.",
        discussion: """
            Examples:
              crisis-sim validate Scenarios/*.yaml
              crisis-sim run Scenarios/baseline.yaml
              crisis-sim compare Scenarios/baseline.yaml Scenarios/crht-24-7.yaml
              crisis-sim describe Scenarios/beds-minus-10.yaml
              crisis-sim demo                      # a 100-bed pool at 95% offered load, checked against Erlang B
              crisis-sim bench bedpool --referrals 5000000 --beds 100 --seed 42
            """,
        subcommands: [Run.self, Compare.self, Validate.self, Describe.self, Demo.self, Bench.self]
    )
}
