# R forecast 8.x on earlier test windows of the public forecast benchmark
# (../shared/benchmarks/forecast): the official split and the four windows of h steps
# before it, each forecast from everything before it. One test split of 24 points says
# little; five non-overlapping windows per series say more.
#   Rscript scripts/reference/r-rolling-origins.R > bench/r-rolling.json
# Needs R with the forecast and jsonlite packages (Debian: r-cran-forecast r-cran-jsonlite).
# TBATS is left out on the half-hourly series (over 700 s per fit).
source(file.path("scripts", "reference", "benchmark-methods.R"))
ref <- fromJSON(file.path(benchmark_dir, "r_reference.json"))
windows <- 5

out <- list(source = "R forecast 8.x on Debian 12, scripts/reference/r-rolling-origins.R", windows = windows)
for (name in names(ref)) {
  r <- ref[[name]]
  d <- read.csv(file.path(benchmark_dir, paste0(name, ".csv")))
  full <- d$value
  nTrain <- sum(d$split == "train")
  h <- r$h
  periods <- r$periods
  out[[name]] <- lapply(seq_len(windows) - 1, function(k) {
    end <- nTrain - k * h
    train <- full[1:end]
    test <- full[(end + 1):(end + h)]
    ms <- methods(as_series(train, periods), h, length(periods) > 1, periods)
    scores <- lapply(ms, function(run) {
      t0 <- proc.time()[["elapsed"]]
      s <- score(run(), train, test, max(periods))
      s$seconds <- proc.time()[["elapsed"]] - t0
      s
    })
    list(trainEnd = end, methods = scores)
  })
}
cat(toJSON(out, digits = 4, auto_unbox = TRUE, pretty = TRUE))
