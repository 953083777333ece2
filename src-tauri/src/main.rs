fn main() { opmodel_app::run() }
