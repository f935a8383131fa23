import ArgumentParser
@main struct G: ParsableCommand { func run() {} }
