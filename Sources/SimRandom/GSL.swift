import CGSL

/// The one place crisis-sim touches GSL's global state.
///
/// GSL's default error handler calls `abort()`. crisis-sim turns it off once, before any
/// generator is created, and validates every distribution's parameters at construction
/// instead, so bad input becomes a Swift error rather than a crash mid-run.
enum GSL {
    /// Turns GSL's aborting error handler off. Idempotent; a Swift `static let` is
    /// initialised exactly once, thread-safely.
    static let errorHandlerDisabled: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()
}
