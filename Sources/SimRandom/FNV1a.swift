/// FNV-1a, 64-bit (Fowler, Noll and Vo): a small, fully specified hash, so a value printed
/// today (a scenario hash, a stream index, a result file's checksum) can be recomputed by
/// anyone from the same bytes, in any language. Unlike Swift's `Hasher` it is not seeded
/// per process. Not cryptographic: it catches accidents (a file from another run, a value
/// edited by hand), not an adversary.
public struct FNV1a: Sendable, Equatable {
    @usableFromInline static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of every byte added so far.
    public var value: UInt64 { state }
    @usableFromInline var state = FNV1a.offsetBasis

    public init() {}

    /// Adds bytes in order, so a file can be hashed as it streams past.
    ///
    /// Inlinable so each caller's sequence type is specialised: unspecialised, every byte of
    /// a result file went through the generic iterator's witness table (about 300 instructions
    /// per byte, 4% of an England-scale run).
    ///
    /// Bytes held contiguously (a native String's UTF-8, an Array, Data) are read through a
    /// pointer: a String's `UTF8View` iterated byte by byte costs about 30 instructions a byte,
    /// a pointer about 4.
    @inlinable public mutating func add(_ bytes: some Sequence<UInt8>) {
        state = bytes.withContiguousStorageIfAvailable { Self.hash($0, from: state) } ?? Self.hash(bytes, from: state)
    }

    @inlinable static func hash(_ bytes: some Sequence<UInt8>, from start: UInt64) -> UInt64 {
        var hash = start
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* FNV1a.prime
        }
        return hash
    }

    /// Sixteen lowercase hex digits, zero-padded.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of `text`'s UTF-8 bytes.
    public static func hash(_ text: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(text.utf8)
        return hash.value
    }

    /// The hash of `text`'s UTF-8 bytes as sixteen hex digits.
    public static func hex(_ text: String) -> String {
        var hash = FNV1a()
        hash.add(text.utf8)
        return hash.hex
    }
}
