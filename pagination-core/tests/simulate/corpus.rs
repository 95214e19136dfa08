//! The key shapes parallel listings are judged on: each a bucket of about 10,000 to 20,000
//! keys (pages of 100), and the prefix and delimiter it is listed with. Deterministic: the same
//! keys on every run.

/// A bucket, listed under `prefix` and rolled up at `delimiter`.
pub struct Shape {
    pub name: &'static str,
    pub keys: Vec<String>,
    pub prefix: &'static str,
    pub delimiter: Option<&'static str>,
}

/// SplitMix64: a small deterministic generator.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// In `[low, high]`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    fn hex(&mut self, digits: usize) -> String {
        (0..digits)
            .map(|_| char::from_digit((self.next() % 16) as u32, 16).unwrap())
            .collect()
    }
}

fn shape(name: &'static str, keys: Vec<String>) -> Shape {
    Shape {
        name,
        keys,
        prefix: "",
        delimiter: None,
    }
}

fn uuid4(rng: &mut Rng) -> String {
    let variant = ['8', '9', 'a', 'b'][(rng.next() % 4) as usize];
    format!(
        "{}-{}-4{}-{variant}{}-{}",
        rng.hex(8),
        rng.hex(4),
        rng.hex(3),
        rng.hex(3),
        rng.hex(12)
    )
}

/// Time-ordered ids: 48 bits of milliseconds, then randomness (UUIDv7).
fn uuid7(millis: u64, rng: &mut Rng) -> String {
    let time = format!("{millis:012x}");
    let variant = ['8', '9', 'a', 'b'][(rng.next() % 4) as usize];
    format!(
        "{}-{}-7{}-{variant}{}-{}",
        &time[..8],
        &time[8..],
        rng.hex(3),
        rng.hex(3),
        rng.hex(12)
    )
}

/// Crockford base32, as ULIDs write it.
fn base32(mut value: u128, digits: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut out = vec![b'0'; digits];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(value % 32) as usize];
        value /= 32;
    }
    String::from_utf8(out).unwrap()
}

const DAY_MS: u64 = 86_400_000;
const START_MS: u64 = 1_796_083_200_000; // 2026-12-01

fn date(day: u64) -> String {
    // Days from 2026-01-01, in a 30-day month calendar: enough for key shapes.
    let month = 1 + day / 30;
    let day = 1 + day % 30;
    format!("2026-{month:02}-{day:02}")
}

/// Every shape, in a fixed order.
pub fn corpus() -> Vec<Shape> {
    let mut shapes = Vec::new();
    shapes.push(shape(
        "counter",
        (0..20_000).map(|n| format!("obj-{n:07}")).collect(),
    ));
    shapes.push(shape(
        "unpadded counter",
        (0..20_000).map(|n| format!("obj-{n}")).collect(),
    ));
    let mut rng = Rng::new(1);
    shapes.push(shape("hashes", (0..20_000).map(|_| rng.hex(32)).collect()));
    let mut rng = Rng::new(2);
    shapes.push(shape(
        "uuid4",
        (0..20_000).map(|_| uuid4(&mut rng)).collect(),
    ));
    let mut rng = Rng::new(3);
    shapes.push(shape(
        "uuid7",
        (0..20_000)
            .map(|_| uuid7(START_MS + rng.next() % DAY_MS, &mut rng))
            .collect(),
    ));
    let mut rng = Rng::new(4);
    shapes.push(shape(
        "ulid",
        (0..20_000)
            .map(|_| {
                let time = u128::from(START_MS + rng.next() % DAY_MS);
                let random = u128::from(rng.next()) << 16 | u128::from(rng.next() % 65_536);
                base32(time, 10) + &base32(random, 16)
            })
            .collect(),
    ));
    shapes.push(shape(
        "date folders, 2.5 pages",
        (0..40)
            .flat_map(|day| (0..250).map(move |n| format!("logs/{}/part-{n:05}.json", date(day))))
            .collect(),
    ));
    let mut rng = Rng::new(5);
    let mut keys = Vec::new();
    for day in 0..100 {
        for n in 0..rng.between(100, 300) {
            keys.push(format!("events/{}/{n:06}.json", date(day)));
        }
    }
    shapes.push(shape("date folders, 1-3 pages", keys));
    let mut rng = Rng::new(6);
    let mut keys = Vec::new();
    for day in 0..13 {
        for n in 0..rng.between(1_000, 2_000) {
            keys.push(format!("logs/{}/part-{n:05}.json", date(day)));
        }
    }
    shapes.push(shape("date folders, 10-20 pages", keys));
    let mut rng = Rng::new(7);
    let mut keys = Vec::new();
    for tenant in 0..10 {
        let first = rng.between(0, 280);
        for day in first..first + 20 {
            let (month, day) = (1 + day / 30, 1 + day % 30);
            for hour in 0..24 {
                for n in 0..rng.between(1, 7) {
                    keys.push(format!(
                        "tenant-{tenant:02}/2026/{month:02}/{day:02}/{hour:02}/file-{n}.parquet"
                    ));
                }
            }
        }
    }
    shapes.push(shape("tenant/year/month/day/hour", keys));
    let mut rng = Rng::new(8);
    let mut keys = Vec::new();
    for day in 0..20 {
        for hour in 0..24 {
            let files = match rng.next() % 10 {
                0 => rng.between(300, 800),
                1 | 2 => 0,
                _ => rng.between(5, 40),
            };
            for n in 0..files {
                keys.push(format!(
                    "dt={}/hr={hour:02}/part-{n:05}-{}.parquet",
                    date(day),
                    rng.hex(8)
                ));
            }
        }
    }
    shapes.push(shape("hive partitions, uneven", keys));
    let mut rng = Rng::new(9);
    let mut keys = Vec::new();
    for folder in 0..201 {
        if folder == 137 {
            keys.extend((0..15_000).map(|n| format!("dir-{folder:03}/obj-{n:05}")));
        } else {
            keys.extend((0..rng.between(1, 20)).map(|n| format!("dir-{folder:03}/file-{n:02}")));
        }
    }
    shapes.push(shape("one huge folder, 200 tiny", keys));
    let mut rng = Rng::new(10);
    shapes.push(shape(
        "sparse words",
        (0..500)
            .map(|n| {
                let len = rng.between(3, 12) as usize;
                let word: String = (0..len)
                    .map(|_| char::from(b'a' + (rng.next() % 26) as u8))
                    .collect();
                format!("{word}-{n}")
            })
            .collect(),
    ));
    let mut rng = Rng::new(11);
    let syllables = [
        "ア",
        "カ",
        "サ",
        "タ",
        "ナ",
        "写",
        "真",
        "é",
        "ü",
        "ß",
        "🙂",
        "данные",
    ];
    shapes.push(shape(
        "non-ASCII names",
        (0..15_000)
            .map(|n| {
                let name: String = (0..3)
                    .map(|_| syllables[(rng.next() % syllables.len() as u64) as usize])
                    .collect();
                format!("{name}-{n:05}.jpg")
            })
            .collect(),
    ));
    shapes.push(shape(
        "long shared prefix",
        (0..15_000)
            .map(|n| {
                format!(
                    "data/warehouse/prod/region=eu-west-1/service=api/type=events/obj-{n:06}.json"
                )
            })
            .collect(),
    ));
    let mut keys: Vec<String> = (0..5_000).map(|n| format!("archive/{n:06}.tar")).collect();
    keys.extend((0..15_000).map(|n| format!("data/{}/obj-{n:06}", date(n / 500))));
    keys.extend((0..2_000).map(|n| format!("tmp/{n:05}")));
    shapes.push(Shape {
        name: "under a prefix",
        keys,
        prefix: "data/",
        delimiter: None,
    });
    let mut keys: Vec<String> = (0..12_000).map(|n| format!("readme-{n:05}.txt")).collect();
    for folder in 0..300 {
        keys.extend((0..10).map(|n| format!("dir-{folder:03}/{n}")));
    }
    shapes.push(Shape {
        name: "with a delimiter",
        keys,
        prefix: "",
        delimiter: Some("/"),
    });
    let mut rng = Rng::new(12);
    let first = [
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
        "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter",
        "zoe",
    ];
    let last = [
        "smith", "jones", "brown", "taylor", "wilson", "davies", "evans", "thomas",
    ];
    shapes.push(shape(
        "user names",
        (0..20_000)
            .map(|n| {
                // Skewed: the first names early in the list are far more common.
                let a = (rng.next() % 20).min(rng.next() % 20) as usize;
                let b = (rng.next() % 8) as usize;
                format!("users/{}.{}-{n:05}", first[a], last[b])
            })
            .collect(),
    ));
    // Named in parts, most of them one key: the rollup at `-` gives 3,008 parts over four pages,
    // which the model walks whenever requests are free.
    let mut rng = Rng::new(13);
    let names = [
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
    ];
    let mut keys: Vec<String> = (0..15_000)
        .map(|n| format!("users/{}-{n:05}", names[(rng.next() % 8) as usize]))
        .collect();
    keys.extend((0..3_000).map(|n| format!("users/{}{n:04}-0", names[n % 8])));
    shapes.push(shape("parts, 3,000 of one key", keys));
    shapes
}
