//! The virtual time simulated programs spend: downloads at a fixed bandwidth, unpacking and
//! installing at a fixed disk rate, compiling a little per command. Programs advance the run's
//! clock (`Output::clock_ms`) through these helpers, so a step's simulated duration and its log
//! timestamps follow the work done — deterministically, never from a real clock.
use crate::programs::ProgramCtx;

/// Download bandwidth (bytes per second): about 160 Mbit/s.
pub(crate) const DOWNLOAD_BYTES_PER_S: u64 = 20_000_000;
/// Unpack/install rate (bytes per second) of files a package manager writes.
const INSTALL_BYTES_PER_S: u64 = 80_000_000;
/// Fixed cost of one package (metadata, resolution, post-install).
const PER_PACKAGE_MS: u64 = 40;

fn ms(bytes: u64, rate: u64) -> u64 {
    bytes.saturating_mul(1000) / rate
}

/// Fetching `bytes` over the network.
pub(crate) fn download(ctx: &mut ProgramCtx<'_, '_>, bytes: u64) {
    ctx.rt.output.advance(ms(bytes, DOWNLOAD_BYTES_PER_S));
}

/// Unpacking and installing one package of `bytes` (installed size).
pub(crate) fn install(ctx: &mut ProgramCtx<'_, '_>, bytes: u64) {
    ctx.rt
        .output
        .advance(PER_PACKAGE_MS + ms(bytes, INSTALL_BYTES_PER_S));
}

/// Plain work (`sleep`, a compiler, a build tool): `ms` milliseconds.
pub(crate) fn work(ctx: &mut ProgramCtx<'_, '_>, ms: u64) {
    ctx.rt.output.advance(ms);
}
