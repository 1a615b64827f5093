import Testing
import Tensors

/// Shapes whose size or stride products pass `Int.max` are errors worded as PyTorch 2.x words
/// them (messages taken from torch), never overflow traps.
@Suite struct ShapeOverflowTests {
    let big = 1 << 62

    func expectRuntime(_ message: String, _ body: () throws -> Tensor,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try body()
            Issue.record("expected RuntimeError: \(message)", sourceLocation: sourceLocation)
        } catch let e as TensorError {
            #expect(e.kind == .runtimeError, sourceLocation: sourceLocation)
            #expect(e.message == message, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func strideOverflowOnEmptyShapes() {
        expectRuntime("Stride calculation overflowed") { try Tensor.zeros([1, big, 0, 3]) }
        expectRuntime("Stride calculation overflowed") { try Tensor.zeros([0, big, big]) }
        expectRuntime("Stride calculation overflowed") { try Tensor.zeros([0]).view([1, big, 0, 3]) }
    }

    @Test func sizeOverflow() {
        expectRuntime("Storage size calculation overflowed with sizes=[\(big), \(big), 2]") { try Tensor.zeros([big, big, 2]) }
        // Multiplied left to right, as PyTorch does: the trailing 0 comes too late.
        expectRuntime("Storage size calculation overflowed with sizes=[\(big), \(big), 0]") { try Tensor.zeros([big, big, 0]) }
        // The byte count overflows even though the element count fits.
        expectRuntime("Storage size calculation overflowed with sizes=[\(1 << 61)]") { try Tensor.zeros([1 << 61]) }
        expectRuntime("numel: integer multiplication overflow") { try Tensor.zeros([1]).expand([big, big]) }
        expectRuntime("Storage size calculation overflowed with sizes=[\(big), \(big)]") { try Tensor.zeros([big, 0, big]).sum(dims: [1]) }
    }

    @Test func hugeEmptyShapesWork() throws {
        // torch: zeros(2**62, 0, 2**62) has strides (2**62, 2**62, 1) and no elements.
        let e = try Tensor.zeros([big, 0, big])
        #expect(e.numel == 0)
        #expect(e.strides == [big, big, 1])
        #expect(try Tensor.zeros([0]).reshape([big, 0, 4]).strides == [4, 4, 1])
        #expect(try Tensor.zeros([0, 2]).expand([big, 0, 2]).shape == [big, 0, 2])
        #expect(try e.sum(dims: [0, 2]).shape == [0])
        #expect(try Tensor.zeros([big, 0]).transpose(0, 1).contiguous().shape == [0, big])
    }
}
