import CGSL

/// GSL's state as the fitting code needs it. GSL's default error handler calls `abort()`;
/// a fit must instead see the error code (a minimiser that cannot improve, a CDF out of
/// range) and report it, so every entry point of this module reads `errorHandlerDisabled`
/// first. A Swift `static let` is initialised exactly once, thread-safely.
enum FitGSL {
    static let errorHandlerDisabled: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()
}
