//! The engine's seeded configuration: virtual clock start, platform, seed for BuildKit-style
//! random ids, and the speed model that turns work into simulated durations.
use serde::{Deserialize, Serialize};

/// Seeded, deterministic settings of an engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EngineConfig {
    /// Seed for ids that BuildKit draws at random (cache ref ids in error texts).
    pub seed: u64,
    /// Virtual time of the first build, in milliseconds since the epoch.
    pub start_ms: i64,
    /// Virtual pause between two builds (a learner editing), in milliseconds.
    pub think_ms: i64,
    /// `os/arch` of the simulated daemon.
    pub platform: String,
    /// The daemon version shown by `docker version`.
    pub docker_version: String,
    pub speed: SpeedModel,
}

/// How fast the simulated machine is (bytes per second, fixed costs in milliseconds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeedModel {
    pub download_bytes_per_s: u64,
    pub extract_bytes_per_s: u64,
    pub copy_bytes_per_s: u64,
    pub export_bytes_per_s: u64,
    pub metadata_ms: i64,
    pub run_base_ms: i64,
}

impl Default for SpeedModel {
    fn default() -> Self {
        SpeedModel {
            download_bytes_per_s: 40_000_000,
            extract_bytes_per_s: 150_000_000,
            copy_bytes_per_s: 200_000_000,
            export_bytes_per_s: 120_000_000,
            metadata_ms: 800,
            run_base_ms: 250,
        }
    }
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            seed: 0x0d0c_4d0c,
            // 2026-11-23T09:00:00Z
            start_ms: 1_795_424_400_000,
            think_ms: 45_000,
            platform: "linux/amd64".to_owned(),
            docker_version: "28.2.2".to_owned(),
            speed: SpeedModel::default(),
        }
    }
}

impl EngineConfig {
    /// `(os, arch)` of the platform.
    pub fn os_arch(&self) -> (&str, &str) {
        self.platform
            .split_once('/')
            .unwrap_or(("linux", self.platform.as_str()))
    }
}

/// A deterministic generator (splitmix64) for ids BuildKit draws at random.
#[derive(Debug, Clone)]
pub struct IdGen(u64);

impl IdGen {
    pub fn new(seed: u64) -> Self {
        IdGen(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A BuildKit `identity.NewID()`-shaped id: 25 base-36 characters.
    pub fn identity(&mut self) -> String {
        const ALPHA: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut s = String::with_capacity(25);
        for _ in 0..25 {
            let v = (self.next_u64() % 36) as usize;
            s.push(char::from(ALPHA.get(v).copied().unwrap_or(b'0')));
        }
        s
    }
}

/// Milliseconds to move `bytes` at `rate` bytes per second.
pub fn ms_for(bytes: u64, rate: u64) -> i64 {
    if rate == 0 {
        return 0;
    }
    i64::try_from(bytes.saturating_mul(1000) / rate).unwrap_or(i64::MAX)
}
