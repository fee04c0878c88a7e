//! The processes of the replica tests: Redis, `vitrine serve` replicas and
//! nginx, each on a loopback port of its own in a temporary directory,
//! killed when dropped.

use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const VITRINE: &str = env!("CARGO_BIN_EXE_vitrine");

/// The path of `program`, from `PATH` or the system directories.
pub fn find(program: &str) -> Option<PathBuf> {
    let path = std::env::var("PATH").unwrap_or_default();
    path.split(':')
        .chain(["/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin"])
        .map(|dir| Path::new(dir).join(program))
        .find(|p| p.is_file())
}

/// `redis-server` and `nginx`, or `None` (with a notice) when one is
/// missing outside CI.
pub fn tools() -> Option<(PathBuf, PathBuf)> {
    match (find("redis-server"), find("nginx")) {
        (Some(redis), Some(nginx)) => Some((redis, nginx)),
        missing => {
            let message = format!(
                "replicas: redis-server and nginx are needed (found {missing:?}); apt-get install redis-server nginx"
            );
            assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "{message}");
            eprintln!("{message}; skipping");
            None
        }
    }
}

/// A loopback port nothing listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A child process, killed when dropped.
pub struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn wait_until(what: &str, within: Duration, mut ready: impl FnMut() -> bool) {
    let started = Instant::now();
    while !ready() {
        assert!(
            started.elapsed() < within,
            "{what} not ready within {within:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A Redis server with an append-only file synced on every write, so a
/// restart keeps every session.
pub struct Redis {
    program: PathBuf,
    dir: tempfile::TempDir,
    pub port: u16,
    process: Option<Process>,
}

impl Redis {
    pub fn start(program: &Path) -> Redis {
        let mut redis = Redis {
            program: program.to_path_buf(),
            dir: tempfile::tempdir().unwrap(),
            port: free_port(),
            process: None,
        };
        redis.restart();
        redis
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    pub fn ping(&self) -> bool {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return false;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
        let mut reply = [0u8; 7];
        stream.write_all(b"PING\r\n").is_ok()
            && stream.read_exact(&mut reply).is_ok()
            && &reply == b"+PONG\r\n"
    }

    /// `STRLEN key`: the size of a stored value, in bytes.
    pub fn strlen(&self, key: &str) -> usize {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let command = format!("*2\r\n$6\r\nSTRLEN\r\n${}\r\n{key}\r\n", key.len());
        stream.write_all(command.as_bytes()).unwrap();
        let mut reply = [0u8; 32];
        let n = stream.read(&mut reply).unwrap();
        let text = String::from_utf8_lossy(&reply[..n]);
        text.trim()
            .strip_prefix(':')
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("STRLEN answered {text:?}"))
    }

    pub fn stop(&mut self) {
        self.process = None;
        wait_until("redis stop", Duration::from_secs(10), || !self.ping());
    }

    pub fn restart(&mut self) {
        let dir = self.dir.path();
        let child = Command::new(&self.program)
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .args([
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
            ])
            .args(["--daemonize", "no", "--protected-mode", "no"])
            .arg("--dir")
            .arg(dir)
            .arg("--logfile")
            .arg(dir.join("redis.log"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        self.process = Some(Process(child));
        wait_until("redis", Duration::from_secs(20), || self.ping());
    }
}

/// One `vitrine serve` replica.
pub struct Replica {
    pub port: u16,
    args: Vec<String>,
    log: PathBuf,
    process: Option<Process>,
}

impl Replica {
    pub fn start(index: &Path, redis: &Redis, log_dir: &Path) -> Replica {
        let port = free_port();
        let args = vec![
            "serve".into(),
            "--index".into(),
            index.display().to_string(),
            "--addr".into(),
            format!("127.0.0.1:{port}"),
            "--sessions".into(),
            redis.url(),
            "--trusted-proxy".into(),
            "127.0.0.1".into(),
            "--catalog".into(),
            "/nonexistent/catalog.csv".into(),
        ];
        let mut replica = Replica {
            port,
            args,
            log: log_dir.join(format!("replica-{port}.log")),
            process: None,
        };
        replica.restart();
        replica
    }

    pub fn restart(&mut self) {
        self.process = None;
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .unwrap();
        let child = Command::new(VITRINE)
            .args(&self.args)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.process = Some(Process(child));
        let url = format!("http://127.0.0.1:{}/api/health", self.port);
        wait_until("replica", Duration::from_secs(60), || {
            client().get(&url).send().is_ok_and(|r| r.status() == 200)
        });
    }

    pub fn health(&self) -> Value {
        client()
            .get(format!("http://127.0.0.1:{}/api/health", self.port))
            .send()
            .unwrap()
            .json()
            .unwrap()
    }
}

/// nginx in front of the replicas: round robin, keep-alive upstream
/// connections, the client address in `X-Forwarded-For` (as in
/// docs/deploy.md), and the replica that answered in `X-Upstream`.
pub struct Nginx {
    _dir: tempfile::TempDir,
    port: u16,
    _process: Process,
}

impl Nginx {
    pub fn start(program: &Path, replicas: &[&Replica]) -> Nginx {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let d = dir.path().display();
        let servers: String = replicas
            .iter()
            .map(|r| format!("    server 127.0.0.1:{} max_fails=0;\n", r.port))
            .collect();
        let conf = format!(
            "worker_processes 1;
daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {d}/body;
  proxy_temp_path {d}/proxy;
  fastcgi_temp_path {d}/fastcgi;
  uwsgi_temp_path {d}/uwsgi;
  scgi_temp_path {d}/scgi;
  upstream vitrine {{
{servers}    keepalive 32;
    keepalive_timeout 5s;
  }}
  server {{
    listen 127.0.0.1:{port};
    client_max_body_size 16k;
    client_body_buffer_size 16k;
    location / {{
      proxy_pass http://vitrine;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header Forwarded \"\";
      proxy_max_temp_file_size 0;
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
"
        );
        let conf_path = dir.path().join("nginx.conf");
        std::fs::write(&conf_path, conf).unwrap();
        let child = Command::new(program)
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(&conf_path)
            .arg("-e")
            .arg(dir.path().join("error.log"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let process = Process(child);
        let url = format!("http://127.0.0.1:{port}/api/health");
        wait_until("nginx", Duration::from_secs(20), || {
            client().get(&url).send().is_ok_and(|r| r.status() == 200)
        });
        Nginx {
            _dir: dir,
            port,
            _process: process,
        }
    }

    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }
}

pub fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}
