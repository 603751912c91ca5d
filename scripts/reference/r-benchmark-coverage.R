# Prediction-interval coverage of R forecast 8.x on the public forecast benchmark
# (../shared/benchmarks/forecast), next to its MASE, which reproduces r_reference.json.
#   Rscript scripts/reference/r-benchmark-coverage.R > bench/r-coverage.json
# Needs R with the forecast and jsonlite packages (Debian: r-cran-forecast r-cran-jsonlite).
# TBATS is left out on the half-hourly series (over 700 s each).
source(file.path("scripts", "reference", "benchmark-methods.R"))
ref <- fromJSON(file.path(benchmark_dir, "r_reference.json"))

out <- list(source = "R forecast 8.x on Debian 12, scripts/reference/r-benchmark-coverage.R")
for (name in names(ref)) {
  r <- ref[[name]]
  d <- read.csv(file.path(benchmark_dir, paste0(name, ".csv")))
  train <- d$value[d$split == "train"]
  test <- d$value[d$split == "test"]
  periods <- r$periods
  ms <- methods(as_series(train, periods), length(test), length(periods) > 1, periods)
  out[[name]] <- lapply(ms, function(run) score(run(), train, test, max(periods)))
}
cat(toJSON(out, digits = 4, auto_unbox = TRUE, pretty = TRUE))
