import ArgumentParser

@main
struct CrisisSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crisis-sim",
        abstract: "Discrete-event simulation of mental health crisis care pathways.",
        discussion: """
            Examples:
              crisis-sim demo                      # a 100-bed pool at 95% offered load, checked against Erlang B
              crisis-sim bench bedpool --referrals 5000000 --beds 100 --seed 42
            """,
        subcommands: [Demo.self, Bench.self]
    )
}
