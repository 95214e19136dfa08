//! A moto server on loopback: a real AWS-compatible endpoint for the examples and tests, started
//! and stopped by the process that needs it.
//!
//! The server is started with `-p 0` and its port is read from the "Running on" line it prints
//! on stderr. It is stopped, by its own PID, when the [`MotoServer`] is dropped.
//!
//! Which Python runs moto (and boto3, for the parity tests), first match wins:
//! 1. `$MOTO_SERVER`, a whole command (`MOTO_SERVER="/opt/moto/bin/moto_server"`), for moto only;
//! 2. `$PAGINATION_PYTHON`, a Python interpreter;
//! 3. the project's own virtual environment, `.venv/` at the workspace root, which the README's
//!    commands create (`python3 -m venv .venv && .venv/bin/python -m pip install 'moto[server]' boto3`);
//! 4. `python3` on `PATH`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use std::{fmt, thread};

use aws_sdk_s3::config::{BehaviorVersion, Credentials, Region};

/// How to install moto, for messages: works where the system Python refuses `pip install`
/// (PEP 668), and the harness finds the environment by itself.
pub const INSTALL_HINT: &str = "from the repository's root, run: python3 -m venv .venv && \
     .venv/bin/python -m pip install 'moto[server]' boto3 (on Debian or Ubuntu, `apt install \
     python3-venv` first if venv is missing)";

const START_TIMEOUT: Duration = Duration::from_secs(30);
/// stderr lines kept for a failure message.
const KEPT_LOG_LINES: usize = 40;

/// A running moto server.
pub struct MotoServer {
    child: Child,
    endpoint: String,
    log: Arc<Mutex<Vec<String>>>,
}

/// Why moto could not be started.
#[derive(Debug)]
pub enum MotoError {
    /// The Python found (see the module docs) cannot import moto's server.
    NotInstalled {
        /// The interpreter that was tried.
        python: String,
    },
    /// It started but did not become ready.
    NotReady {
        /// What happened.
        reason: String,
        /// The last lines it printed.
        log: Vec<String>,
    },
}

impl fmt::Display for MotoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MotoError::NotInstalled { python } => {
                write!(f, "moto is not installed for {python}; {INSTALL_HINT}")
            }
            MotoError::NotReady { reason, log } => {
                write!(f, "moto server did not start: {reason}")?;
                for line in log {
                    write!(f, "\n  {line}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for MotoError {}

impl MotoServer {
    /// Starts a server on 127.0.0.1 with a free port and waits until it answers.
    ///
    /// Runs `$MOTO_SERVER` if set, else `<python> -m moto.server` with the Python of
    /// [`python`].
    pub fn start() -> Result<Self, MotoError> {
        let mut child = spawn()?;
        let log = Arc::new(Mutex::new(Vec::new()));
        let (port_sender, port_receiver) = mpsc::channel();
        let stderr = child.stderr.take().ok_or_else(|| MotoError::NotInstalled {
            python: python().display().to_string(),
        })?;
        let kept = Arc::clone(&log);
        // Drain stderr for the server's whole life: moto logs every request there, and a full
        // pipe would block it.
        thread::spawn(move || {
            let mut port_sender = Some(port_sender);
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(port) = parse_port(&line)
                    && let Some(sender) = port_sender.take()
                {
                    let _ = sender.send(port);
                }
                let mut kept = kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                if kept.len() == KEPT_LOG_LINES {
                    kept.remove(0);
                }
                kept.push(line);
            }
        });

        let mut server = MotoServer {
            child,
            endpoint: String::new(),
            log,
        };
        let port = match port_receiver.recv_timeout(START_TIMEOUT) {
            Ok(port) => port,
            Err(_) => return Err(server.not_ready("it printed no \"Running on\" line")),
        };
        server.endpoint = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + START_TIMEOUT;
        while !is_ready(port) {
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(server.not_ready(&format!("it exited with {status}")));
            }
            if Instant::now() > deadline {
                return Err(server.not_ready("GET /moto-api/ did not answer 200 within 30 s"));
            }
            thread::sleep(Duration::from_millis(50));
        }
        Ok(server)
    }

    fn not_ready(&self, reason: &str) -> MotoError {
        // Give the stderr thread a moment to collect the last lines.
        thread::sleep(Duration::from_millis(200));
        MotoError::NotReady {
            reason: reason.to_owned(),
            log: self.log.lock().map(|log| log.clone()).unwrap_or_default(),
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// An S3 client for this server (path-style addressing, test credentials).
    pub fn s3_client(&self) -> aws_sdk_s3::Client {
        s3_client(
            &self.endpoint,
            aws_sdk_s3::config::retry::RetryConfig::standard(),
        )
    }

    /// An AWS Config client for this server, in `region` (moto keeps Config state per region,
    /// so a test can take a region of its own).
    pub fn config_client(&self, region: &str) -> aws_sdk_config::Client {
        aws_sdk_config::Client::from_conf(
            aws_sdk_config::Config::builder()
                .behavior_version(aws_sdk_config::config::BehaviorVersion::latest())
                .region(aws_sdk_config::config::Region::new(region.to_owned()))
                .credentials_provider(aws_sdk_config::config::Credentials::new(
                    "test", "test", None, None, "moto",
                ))
                .endpoint_url(&self.endpoint)
                .build(),
        )
    }

    /// The shared configuration of any SDK client for this server (test credentials,
    /// us-east-1): `aws_sdk_ssm::Client::new(&server.sdk_config().await)`.
    pub async fn sdk_config(&self) -> aws_config::SdkConfig {
        aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .credentials_provider(aws_sdk_s3::config::Credentials::new(
                "test", "test", None, None, "moto",
            ))
            .endpoint_url(&self.endpoint)
            .load()
            .await
    }
}

/// An S3 client for an endpoint such as a moto server, with the given retry policy.
pub fn s3_client(
    endpoint: &str,
    retry: aws_sdk_s3::config::retry::RetryConfig,
) -> aws_sdk_s3::Client {
    aws_sdk_s3::Client::from_conf(
        aws_sdk_s3::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new("us-east-1"))
            .credentials_provider(Credentials::new("test", "test", None, None, "moto"))
            .endpoint_url(endpoint)
            .force_path_style(true)
            .retry_config(retry)
            .build(),
    )
}

impl Drop for MotoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The Python interpreter for moto and boto3: `$PAGINATION_PYTHON`, else the workspace's
/// `.venv`, else `python3` on `PATH`.
pub fn python() -> PathBuf {
    if let Some(python) = std::env::var_os("PAGINATION_PYTHON") {
        return PathBuf::from(python);
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv");
    for candidate in [
        venv.join("bin").join("python"),
        venv.join("Scripts").join("python.exe"),
    ] {
        if candidate.exists() {
            return candidate;
        }
    }
    PathBuf::from("python3")
}

fn spawn() -> Result<Child, MotoError> {
    let command: Vec<String> = match std::env::var("MOTO_SERVER") {
        Ok(command) => command.split_whitespace().map(str::to_owned).collect(),
        Err(_) => {
            let python = python();
            // Asked before starting, so that a missing moto is always told the same way.
            let importable = Command::new(&python)
                .args(["-c", "import moto.server"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success());
            if !importable {
                return Err(MotoError::NotInstalled {
                    python: python.display().to_string(),
                });
            }
            let python = python.to_string_lossy().into_owned();
            vec![python, "-m".into(), "moto.server".into()]
        }
    };
    let not_installed = || MotoError::NotInstalled {
        python: command.join(" "),
    };
    let (program, arguments) = command.split_first().ok_or_else(not_installed)?;
    Command::new(program)
        .args(arguments)
        .args(["-H", "127.0.0.1", "-p", "0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| not_installed())
}

/// The port of a "Running on http://127.0.0.1:PORT" line.
fn parse_port(line: &str) -> Option<u16> {
    let rest = line.split("Running on http://127.0.0.1:").nth(1)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Whether `GET /moto-api/` answers 200.
fn is_ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /moto-api/ HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.") && &head[9..12] == b"200"
}

#[cfg(test)]
mod tests {
    use super::parse_port;

    #[test]
    fn reads_the_port() {
        assert_eq!(
            parse_port(" * Running on http://127.0.0.1:41234 (Press CTRL+C to quit)"),
            Some(41234)
        );
        assert_eq!(parse_port("WARNING: This is a development server."), None);
    }
}
