# Reference values for tests/unit/forecasting/harmonic.core.test.ts, from R's forecast package.
#   Rscript scripts/reference/harmonic.R > tests/fixtures/reference/harmonic.json
# Needs R with the forecast and jsonlite packages (Debian: r-cran-forecast r-cran-jsonlite).
suppressMessages({ library(forecast); library(jsonlite) })

# 1. AirPassengers on fourier(K = 3): R counts time from 1; columns S1, C1, S2, C2, S3, C3.
ap <- lm(AirPassengers ~ fourier(AirPassengers, K = 3))
air <- list(coefficients = unname(coef(ap)), rss = sum(resid(ap)^2))

# 2. Two periods on a deterministic hourly series; the 7th weekly harmonic is the daily one
#    and fourier() leaves it out.
n <- 1008
t <- 1:n
y <- 100 + 0.02 * t + 20 * sin(2 * pi * t / 24) + 8 * cos(4 * pi * t / 24) +
  12 * sin(2 * pi * t / 168) + 5 * cos(6 * pi * t / 168) + ((t * 7919) %% 101) / 10 - 5
ym <- msts(y, seasonal.periods = c(24, 168))
X <- fourier(ym, K = c(3, 8))
two <- lm(y ~ X)
# AICc of every order pair on y detrended by the centred moving average over 168 (R's ma()).
d <- y - ma(ym, order = 168)
keep <- !is.na(d)
aicc <- function(k1, k2) {
  if (k1 + k2 == 0) fit <- lm(d[keep] ~ 1)
  else {
    Z <- fourier(ym, K = c(k1, k2))
    Z <- Z[, colSums(abs(Z)) > 0, drop = FALSE]
    fit <- lm(d[keep] ~ Z[keep, , drop = FALSE])
  }
  k <- length(coef(fit)); m <- sum(keep); rss <- sum(resid(fit)^2)
  m * log(rss / m) + 2 * k + 2 * k * (k + 1) / (m - k - 1)
}
grid <- expand.grid(k1 = 0:12, k2 = 0:20)
grid$aicc <- mapply(aicc, grid$k1, grid$k2)
best <- grid[which.min(grid$aicc), ]
hourly <- list(
  columns = colnames(X), coefficients = unname(coef(two)), rss = sum(resid(two)^2),
  bestOrders = c(best$k1, best$k2), bestAicc = best$aicc
)

# 3. A local level with AR(1) errors is ARIMA(1,1,1) with θ = −(1 − α(1 − φ)): forecasts of
#    that ARIMA with α = 0.2, φ = 0.6 fixed, and its standard errors relative to one step.
x <- 50 + cumsum(((1:600 * 7919) %% 101) / 101 - 0.5) + 3 * sin(1:600 / 5)
alpha <- 0.2; phi <- 0.6
fa <- forecast(Arima(x, order = c(1, 1, 1), fixed = c(phi, -(1 - alpha * (1 - phi)))), h = 12, level = 95)
se <- (fa$upper[, 1] - fa$mean) / qnorm(0.975)
level <- list(alpha = alpha, phi = phi, mean = as.numeric(fa$mean), seRatio = as.numeric(se / se[1]))

cat(toJSON(list(
  source = "R forecast 8.x, scripts/reference/harmonic.R",
  airPassengers = air, hourly = hourly, levelAr1 = level
), digits = NA, auto_unbox = TRUE, pretty = TRUE))
