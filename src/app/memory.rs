//! How the app's process keeps the memory its frames use. A frame of a large graph builds buffers of megabytes
//! (the edge mesh, egui's tessellated copy of it) and frees them at its end; glibc, by default, gives such memory
//! back to the kernel (a large block is unmapped, the heap's free top is trimmed), so the next frame faults every
//! page in again: at 2,000 states and 20,000 ties that was more than half of the frame (docs/performance.md).
//! The window keeps the memory instead. The command line does not call this: a command loads once and reports,
//! and keeps its own setting (see `main.rs`), so that checking a large file stays lean.

/// glibc's largest threshold for serving a block from its own mapping (32 MiB on 64-bit systems).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const LARGEST_MMAP_THRESHOLD: i32 = 32 * 1024 * 1024;
/// Free memory at the heap's top is given back only past this much.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD: i32 = 1 << 30;

/// Keep freed memory in the process for the next frame. Call it once, before the window opens (the frame
/// benchmarks call it too, so that they measure what the app does). Elsewhere than on glibc it does nothing.
pub fn keep_freed_memory_for_frames() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator settings; it is called before the window's threads exist.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, LARGEST_MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}
