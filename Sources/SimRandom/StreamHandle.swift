import CGSL

/// A `RandomStream` borrowed for a hot loop: the generator pointer alone.
///
/// Copying or passing a class reference costs reference counting, and the compiler keeps it
/// even for an `unowned(unsafe)` one (it retains around every call the reference is passed
/// to); this plain value costs nothing to copy. Draws advance the stream it came from, which
/// must outlive it: keep the `RandomStream` alive beside it.
public struct StreamHandle: VariateSource {
    public let generator: UnsafeMutablePointer<gsl_rng>

    @inlinable init(generator: UnsafeMutablePointer<gsl_rng>) { self.generator = generator }
}
