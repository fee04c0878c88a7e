//! The pieces of a multi-replica run: a Redis server and nginx in front of
//! the replicas, each started on a free loopback port in a temporary
//! directory and stopped (killed) when dropped, and the CPU time of a
//! process with its children (nginx's workers).

use super::Fallible;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The path of `program` on `PATH` or in the system directories.
pub fn find(program: &str) -> Fallible<PathBuf> {
    let path = std::env::var("PATH").unwrap_or_default();
    path.split(':')
        .chain(["/usr/sbin", "/usr/bin", "/sbin"])
        .map(|dir| Path::new(dir).join(program))
        .find(|p| p.is_file())
        .ok_or_else(|| format!("{program} not found (apt-get install {program})").into())
}

/// A free loopback address (released just before the server binds it).
pub fn free_addr() -> Fallible<SocketAddr> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?)
}

fn wait_for(what: &str, addr: SocketAddr) -> Fallible<()> {
    let t = Instant::now();
    while TcpStream::connect(addr).is_err() {
        if t.elapsed() > Duration::from_secs(30) {
            return Err(format!("{what} did not listen on {addr} in 30 s").into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}

/// A child process killed when dropped, with its temporary directory.
pub struct Daemon {
    child: Child,
    pub addr: SocketAddr,
    _dir: tempfile::TempDir,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Daemon {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A Redis server with no persistence (sessions only need to outlive
    /// the replicas here).
    pub fn redis() -> Fallible<Daemon> {
        let program = find("redis-server")?;
        let dir = tempfile::tempdir()?;
        let addr = free_addr()?;
        let child = Command::new(program)
            .args(["--port", &addr.port().to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no", "--daemonize", "no"])
            .arg("--dir")
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let daemon = Daemon {
            child,
            addr,
            _dir: dir,
        };
        wait_for("redis-server", addr)?;
        Ok(daemon)
    }

    /// nginx round-robin over `upstreams`, configured as docs/deploy.md
    /// says: keep-alive upstream connections, the client address in
    /// `X-Forwarded-For`, `worker_processes auto`.
    pub fn nginx(upstreams: &[SocketAddr]) -> Fallible<Daemon> {
        let program = find("nginx")?;
        let dir = tempfile::tempdir()?;
        let addr = free_addr()?;
        let d = dir.path().display();
        let servers: String = upstreams
            .iter()
            .map(|u| format!("    server {u} max_fails=0;\n"))
            .collect();
        let conf = format!(
            "worker_processes auto;
daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
worker_rlimit_nofile 65536;
events {{ worker_connections 16384; }}
http {{
  access_log off;
  client_body_temp_path {d}/body;
  proxy_temp_path {d}/proxy;
  fastcgi_temp_path {d}/fastcgi;
  uwsgi_temp_path {d}/uwsgi;
  scgi_temp_path {d}/scgi;
  upstream vitrine {{
{servers}    keepalive 64;
    keepalive_timeout 5s;
  }}
  server {{
    listen {addr} backlog=4096;
    keepalive_requests 100000;
    location / {{
      proxy_pass http://vitrine;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header Forwarded \"\";
      proxy_max_temp_file_size 0;
    }}
  }}
}}
"
        );
        let path = dir.path().join("nginx.conf");
        std::fs::write(&path, conf)?;
        let child = Command::new(program)
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(&path)
            .arg("-e")
            .arg(dir.path().join("error.log"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let daemon = Daemon {
            child,
            addr,
            _dir: dir,
        };
        wait_for("nginx", addr)?;
        Ok(daemon)
    }
}

/// The pids of `pid`'s direct children (nginx's workers).
pub fn children(pid: u32) -> Vec<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect()
}
