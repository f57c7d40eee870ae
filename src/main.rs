fn main() {
    println!("frontlint {}", env!("CARGO_PKG_VERSION"));
}
