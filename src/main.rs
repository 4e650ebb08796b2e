fn main() {
    std::process::exit(starcoach::run(std::env::args_os()));
}
