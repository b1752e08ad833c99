//! `docker version` and `docker info`: the client and the simulated daemon as Docker 28 prints
//! them (the daemon is Drydock's; its numbers come from the engine config and state).
use crate::cli::Invocation;
use crate::output::Output;
use crate::session::Session;

pub fn version(s: &mut Session, inv: &Invocation) -> Output {
    let v = s.config.client_version.clone();
    let (os, arch) = s.engine.config().os_arch();
    let server = s.engine.config().docker_version.clone();
    let text = format!(
        "Client:\n Version:           {v}\n API version:       1.50\n Go version:        go1.24.3\n Git commit:        e6534b4\n Built:             Fri May 30 12:07:14 2025\n OS/Arch:           {os}/{arch}\n Context:           default\n\nServer: Docker Engine - Community\n Engine:\n  Version:          {server}\n  API version:      1.50 (minimum version 1.24)\n  Go version:       go1.24.3\n  Git commit:       45873be\n  Built:            Fri May 30 12:07:26 2025\n  OS/Arch:          {os}/{arch}\n  Experimental:     false\n containerd:\n  Version:          1.7.27\n  GitCommit:        05044ec0a9a75232cad458027ca83437aae3f4da\n runc:\n  Version:          1.2.5\n  GitCommit:        v1.2.5-0-g59923ef\n docker-init:\n  Version:          0.19.0\n  GitCommit:        de40ad0\n"
    );
    let mut o = Output::new();
    match inv.string("format") {
        Some(f) if f.contains(".Client.Version") || f.contains(".Server.Version") => {
            let r = f
                .replace("{{.Client.Version}}", &v)
                .replace("{{.Server.Version}}", &server);
            o.outln(r);
        }
        _ => o.out(text),
    }
    o
}

pub fn info(s: &mut Session, _inv: &Invocation) -> Output {
    s.engine.settle();
    let cs = s.engine.containers();
    let running = cs.iter().filter(|c| c.state.running()).count();
    let total = cs.len();
    let images = s.engine.images().len();
    let (os, arch) = s.engine.config().os_arch();
    let server = s.engine.config().docker_version.clone();
    let arch = if arch == "amd64" { "x86_64" } else { arch };
    let mut o = Output::new();
    o.out(format!(
        "Client:\n Version:    {}\n Context:    default\n Debug Mode: false\n\nServer:\n Containers: {total}\n  Running: {running}\n  Paused: 0\n  Stopped: {}\n Images: {images}\n Server Version: {server}\n Storage Driver: overlay2\n  Backing Filesystem: extfs\n  Supports d_type: true\n  Using metacopy: false\n  Native Overlay Diff: true\n  userxattr: false\n Logging Driver: json-file\n Cgroup Driver: systemd\n Cgroup Version: 2\n Plugins:\n  Volume: local\n  Network: bridge host ipvlan macvlan null overlay\n  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog\n Swarm: inactive\n Runtimes: io.containerd.runc.v2 runc\n Default Runtime: runc\n Init Binary: docker-init\n containerd version: 05044ec0a9a75232cad458027ca83437aae3f4da\n runc version: v1.2.5-0-g59923ef\n init version: de40ad0\n Security Options:\n  apparmor\n  seccomp\n   Profile: builtin\n  cgroupns\n Kernel Version: 6.8.0-60-generic\n Operating System: Drydock (simulated Docker Engine)\n OSType: {os}\n Architecture: {arch}\n CPUs: 4\n Total Memory: 15.5GiB\n Name: drydock\n ID: {}\n Docker Root Dir: /var/lib/docker\n Debug Mode: false\n Experimental: false\n Insecure Registries:\n  ::1/128\n  127.0.0.0/8\n Live Restore Enabled: false\n\n",
        s.config.client_version,
        total - running,
        drydock_engine::container::hex_id(s.engine.config().seed, "daemon", 0)
            .get(..36)
            .unwrap_or(""),
    ));
    o
}
