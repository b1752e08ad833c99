//! `docker container inspect`: Docker 28's container JSON (the Engine API's `ContainerJSON`
//! field order: Id, Created, Path, Args, State, Image, paths, Name, …, HostConfig,
//! GraphDriver, Mounts, Config, NetworkSettings) with the daemon's defaults for what Drydock
//! does not model.
use super::inspect::J;
use crate::container::{Container, Status};
use crate::engine::Engine;
use crate::timefmt::rfc3339;

const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

fn s(v: impl Into<String>) -> J {
    J::Str(v.into())
}

fn strs(v: &[String]) -> J {
    J::Arr(v.iter().map(|x| s(x.clone())).collect())
}

fn opt_strs(v: Option<&Vec<String>>) -> J {
    v.map_or(J::Null, |v| strs(v))
}

fn num(n: i64) -> J {
    J::Num(i128::from(n))
}

fn obj(fields: Vec<(&str, J)>) -> J {
    J::Obj(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn time(ms: Option<i64>) -> J {
    ms.map_or_else(|| s(ZERO_TIME), |t| s(rfc3339(t)))
}

fn state(c: &Container) -> J {
    let st = &c.state;
    obj(vec![
        ("Status", s(st.status.as_str())),
        ("Running", J::Bool(st.status == Status::Running)),
        ("Paused", J::Bool(false)),
        ("Restarting", J::Bool(false)),
        ("OOMKilled", J::Bool(st.oom_killed)),
        ("Dead", J::Bool(false)),
        (
            "Pid",
            num(i64::from(if st.status == Status::Running {
                st.pid
            } else {
                0
            })),
        ),
        ("ExitCode", num(i64::from(st.exit_code))),
        ("Error", s(st.error.clone())),
        ("StartedAt", time(st.started_ms)),
        ("FinishedAt", time(st.finished_ms)),
    ])
}

fn port_map(c: &Container, bound: bool) -> J {
    let src = if bound {
        &c.ports
    } else {
        &c.host_config.port_bindings
    };
    J::Obj(
        src.iter()
            .map(|(p, bs)| {
                (
                    p.clone(),
                    J::Arr(
                        bs.iter()
                            .map(|b| {
                                obj(vec![
                                    ("HostIp", s(b.host_ip.clone())),
                                    ("HostPort", s(b.host_port.clone())),
                                ])
                            })
                            .collect(),
                    ),
                )
            })
            .collect(),
    )
}

fn host_config(c: &Container) -> J {
    let h = &c.host_config;
    let binds = if h.binds.is_empty() {
        J::Null
    } else {
        strs(&h.binds)
    };
    let device_requests = match &h.gpus {
        Some(g) => J::Arr(vec![obj(vec![
            ("Driver", s("")),
            (
                "Count",
                num(if g == "all" {
                    -1
                } else {
                    g.parse().unwrap_or(0)
                }),
            ),
            ("DeviceIDs", J::Null),
            ("Capabilities", J::Arr(vec![J::Arr(vec![s("gpu")])])),
            ("Options", J::Obj(Vec::new())),
        ])]),
        None => J::Null,
    };
    obj(vec![
        ("Binds", binds),
        ("ContainerIDFile", s("")),
        (
            "LogConfig",
            obj(vec![
                ("Type", s("json-file")),
                ("Config", J::Obj(Vec::new())),
            ]),
        ),
        ("NetworkMode", s(h.network_mode.clone())),
        ("PortBindings", port_map(c, false)),
        (
            "RestartPolicy",
            obj(vec![
                ("Name", s(h.restart_policy.clone())),
                ("MaximumRetryCount", num(0)),
            ]),
        ),
        ("AutoRemove", J::Bool(h.auto_remove)),
        ("VolumeDriver", s("")),
        ("VolumesFrom", J::Null),
        ("ConsoleSize", J::Arr(vec![num(0), num(0)])),
        ("CapAdd", J::Null),
        ("CapDrop", J::Null),
        ("CgroupnsMode", s("private")),
        ("Dns", J::Arr(Vec::new())),
        ("DnsOptions", J::Arr(Vec::new())),
        ("DnsSearch", J::Arr(Vec::new())),
        ("ExtraHosts", J::Null),
        ("GroupAdd", J::Null),
        ("IpcMode", s("private")),
        ("Cgroup", s("")),
        ("Links", J::Null),
        ("OomScoreAdj", num(0)),
        ("PidMode", s("")),
        ("Privileged", J::Bool(false)),
        ("PublishAllPorts", J::Bool(h.publish_all_ports)),
        ("ReadonlyRootfs", J::Bool(false)),
        ("SecurityOpt", J::Null),
        ("UTSMode", s("")),
        ("UsernsMode", s("")),
        ("ShmSize", num(67_108_864)),
        ("Runtime", s("runc")),
        ("Isolation", s("")),
        ("CpuShares", num(0)),
        ("Memory", num(0)),
        ("NanoCpus", num(0)),
        ("CgroupParent", s("")),
        ("BlkioWeight", num(0)),
        ("BlkioWeightDevice", J::Arr(Vec::new())),
        ("BlkioDeviceReadBps", J::Arr(Vec::new())),
        ("BlkioDeviceWriteBps", J::Arr(Vec::new())),
        ("BlkioDeviceReadIOps", J::Arr(Vec::new())),
        ("BlkioDeviceWriteIOps", J::Arr(Vec::new())),
        ("CpuPeriod", num(0)),
        ("CpuQuota", num(0)),
        ("CpuRealtimePeriod", num(0)),
        ("CpuRealtimeRuntime", num(0)),
        ("CpusetCpus", s("")),
        ("CpusetMems", s("")),
        ("Devices", J::Arr(Vec::new())),
        ("DeviceCgroupRules", J::Null),
        ("DeviceRequests", device_requests),
        ("MemoryReservation", num(0)),
        ("MemorySwap", num(0)),
        ("MemorySwappiness", J::Null),
        ("OomKillDisable", J::Null),
        ("PidsLimit", J::Null),
        ("Ulimits", J::Arr(Vec::new())),
        ("CpuCount", num(0)),
        ("CpuPercent", num(0)),
        ("IOMaximumIOps", num(0)),
        ("IOMaximumBandwidth", num(0)),
        (
            "MaskedPaths",
            strs(
                &[
                    "/proc/asound",
                    "/proc/acpi",
                    "/proc/interrupts",
                    "/proc/kcore",
                    "/proc/keys",
                    "/proc/latency_stats",
                    "/proc/timer_list",
                    "/proc/timer_stats",
                    "/proc/sched_debug",
                    "/proc/scsi",
                    "/sys/firmware",
                    "/sys/devices/virtual/powercap",
                ]
                .map(String::from),
            ),
        ),
        (
            "ReadonlyPaths",
            strs(
                &[
                    "/proc/bus",
                    "/proc/fs",
                    "/proc/irq",
                    "/proc/sys",
                    "/proc/sysrq-trigger",
                ]
                .map(String::from),
            ),
        ),
    ])
}

fn mounts(c: &Container) -> J {
    J::Arr(
        c.mounts
            .iter()
            .map(|m| {
                let mut f = vec![("Type", s(m.kind.clone()))];
                if m.kind == "volume" {
                    f.push(("Name", s(m.name.clone())));
                }
                f.push(("Source", s(m.source.clone())));
                f.push(("Destination", s(m.destination.clone())));
                if m.kind == "volume" {
                    f.push(("Driver", s("local")));
                }
                f.push(("Mode", s(m.mode.clone())));
                f.push(("RW", J::Bool(m.rw)));
                f.push((
                    "Propagation",
                    s(if m.kind == "bind" { "rprivate" } else { "" }),
                ));
                obj(f)
            })
            .collect(),
    )
}

fn config(c: &Container) -> J {
    let k = &c.config;
    let set = |m: &std::collections::BTreeSet<String>| {
        if m.is_empty() {
            None
        } else {
            Some(J::Obj(
                m.iter().map(|x| (x.clone(), J::Obj(Vec::new()))).collect(),
            ))
        }
    };
    let mut f = vec![
        ("Hostname", s(k.hostname.clone())),
        ("Domainname", s("")),
        ("User", s(k.user.clone())),
        ("AttachStdin", J::Bool(k.attach_stdin)),
        ("AttachStdout", J::Bool(k.attach_stdout)),
        ("AttachStderr", J::Bool(k.attach_stderr)),
    ];
    if let Some(p) = set(&k.exposed_ports) {
        f.push(("ExposedPorts", p));
    }
    f.extend([
        ("Tty", J::Bool(k.tty)),
        ("OpenStdin", J::Bool(k.open_stdin)),
        ("StdinOnce", J::Bool(k.open_stdin && k.attach_stdin)),
        ("Env", strs(&k.env)),
        ("Cmd", opt_strs(k.cmd.as_ref())),
        ("Image", s(k.image.clone())),
        ("Volumes", set(&k.volumes).unwrap_or(J::Null)),
        ("WorkingDir", s(k.working_dir.clone())),
        ("Entrypoint", opt_strs(k.entrypoint.as_ref())),
        ("OnBuild", J::Null),
        (
            "Labels",
            J::Obj(
                k.labels
                    .iter()
                    .map(|(a, b)| (a.clone(), s(b.clone())))
                    .collect(),
            ),
        ),
    ]);
    if !k.stop_signal.is_empty() {
        f.push(("StopSignal", s(k.stop_signal.clone())));
    }
    obj(f)
}

fn network_settings(engine: &Engine, c: &Container) -> J {
    let running = c.state.running();
    let ip = if running {
        format!("172.17.0.{}", 2 + ip_slot(engine, c))
    } else {
        String::new()
    };
    let mac = if running {
        format!("02:42:ac:11:00:{:02x}", 2 + ip_slot(engine, c))
    } else {
        String::new()
    };
    let endpoint = if running {
        crate::container::hex_id(engine.config().seed, &format!("endpoint{}", c.id), 0)
    } else {
        String::new()
    };
    let gw = if running { "172.17.0.1" } else { "" };
    let prefix = if running { 16 } else { 0 };
    let ports = if running {
        port_map(c, true)
    } else {
        J::Obj(Vec::new())
    };
    obj(vec![
        ("Bridge", s("")),
        (
            "SandboxID",
            s(if running { c.id.clone() } else { String::new() }),
        ),
        (
            "SandboxKey",
            s(if running {
                format!("/var/run/docker/netns/{}", c.short_id())
            } else {
                String::new()
            }),
        ),
        ("Ports", ports),
        ("HairpinMode", J::Bool(false)),
        ("LinkLocalIPv6Address", s("")),
        ("LinkLocalIPv6PrefixLen", num(0)),
        ("SecondaryIPAddresses", J::Null),
        ("SecondaryIPv6Addresses", J::Null),
        ("EndpointID", s(endpoint.clone())),
        ("Gateway", s(gw)),
        ("GlobalIPv6Address", s("")),
        ("GlobalIPv6PrefixLen", num(0)),
        ("IPAddress", s(ip.clone())),
        ("IPPrefixLen", num(prefix)),
        ("IPv6Gateway", s("")),
        ("MacAddress", s(mac.clone())),
        (
            "Networks",
            obj(vec![(
                c.host_config.network_mode.as_str(),
                obj(vec![
                    ("IPAMConfig", J::Null),
                    ("Links", J::Null),
                    ("Aliases", J::Null),
                    ("MacAddress", s(mac)),
                    ("DriverOpts", J::Null),
                    ("GwPriority", num(0)),
                    (
                        "NetworkID",
                        s(crate::container::hex_id(engine.config().seed, "network", 1)),
                    ),
                    ("EndpointID", s(endpoint)),
                    ("Gateway", s(gw)),
                    ("IPAddress", s(ip)),
                    ("IPPrefixLen", num(prefix)),
                    ("IPv6Gateway", s("")),
                    ("GlobalIPv6Address", s("")),
                    ("GlobalIPv6PrefixLen", num(0)),
                    ("DNSNames", J::Null),
                ]),
            )]),
        ),
    ])
}

/// A stable small number per running container (its place among running containers).
fn ip_slot(engine: &Engine, c: &Container) -> usize {
    let mut running: Vec<&Container> = engine
        .state()
        .containers
        .values()
        .filter(|x| x.state.running())
        .collect();
    drydock_text::sort::sort_by_key(&mut running, |x| (x.state.started_ms, x.id.clone()));
    running.iter().position(|x| x.id == c.id).unwrap_or(0)
}

/// One container's inspect object.
pub fn object(engine: &Engine, c: &Container) -> J {
    let dir = format!("/var/lib/docker/containers/{}", c.id);
    let layer = crate::container::hex_id(engine.config().seed, &format!("layer{}", c.id), 0);
    let ld = format!("/var/lib/docker/overlay2/{layer}");
    let lowers: Vec<String> = engine
        .state()
        .images
        .get(&c.image_id)
        .map(|img| {
            let mut v = vec![format!("{ld}-init/diff")];
            v.extend(img.diff_ids.iter().rev().map(|d| {
                let h = d.trim_start_matches("sha256:");
                format!("/var/lib/docker/overlay2/{}/diff", h.get(..25).unwrap_or(h))
            }));
            v
        })
        .unwrap_or_default();
    obj(vec![
        ("Id", s(c.id.clone())),
        ("Created", s(rfc3339(c.created_ms))),
        ("Path", s(c.path.clone())),
        ("Args", strs(&c.args)),
        ("State", state(c)),
        ("Image", s(c.image_id.clone())),
        ("ResolvConfPath", s(format!("{dir}/resolv.conf"))),
        ("HostnamePath", s(format!("{dir}/hostname"))),
        ("HostsPath", s(format!("{dir}/hosts"))),
        ("LogPath", s(format!("{dir}/{}-json.log", c.id))),
        ("Name", s(format!("/{}", c.name))),
        ("RestartCount", num(i64::from(c.restart_count))),
        ("Driver", s("overlay2")),
        ("Platform", s("linux")),
        ("MountLabel", s("")),
        ("ProcessLabel", s("")),
        ("AppArmorProfile", s("docker-default")),
        ("ExecIDs", J::Null),
        ("HostConfig", host_config(c)),
        (
            "GraphDriver",
            obj(vec![
                (
                    "Data",
                    obj(vec![
                        ("ID", s(c.id.clone())),
                        ("LowerDir", s(lowers.join(":"))),
                        ("MergedDir", s(format!("{ld}/merged"))),
                        ("UpperDir", s(format!("{ld}/diff"))),
                        ("WorkDir", s(format!("{ld}/work"))),
                    ]),
                ),
                ("Name", s("overlay2")),
            ]),
        ),
        ("Mounts", mounts(c)),
        ("Config", config(c)),
        ("NetworkSettings", network_settings(engine, c)),
    ])
}
