import { graphql } from '../gql';

/** The fields of one run, shared by the latest and the picked run. */
export const ForecastRunFields = graphql(`
  fragment ForecastRunFields on Forecast {
    id
    start
    end
    horizonDays
    intervalMinutes
    modelKind
    createdAt
    points {
      t
      mean
      lo80
      hi80
      lo95
      hi95
    }
    dailyTotals {
      date
      mean
      lo80
      hi80
      lo95
      hi95
    }
  }
`);

export const Latest = graphql(`
  query LatestForecast($channel: String!) {
    latestForecast(channel: $channel) {
      ...ForecastRunFields
    }
  }
`);

export const ById = graphql(`
  query ForecastById($id: ID!) {
    forecast(id: $id) {
      ...ForecastRunFields
    }
  }
`);

export const Runs = graphql(`
  query ForecastRuns($channel: String!) {
    forecasts(channel: $channel, first: 20) {
      nodes {
        id
        start
        createdAt
        modelKind
      }
    }
  }
`);

export const History = graphql(`
  query ForecastHistory($channel: String!, $from: LocalDate!, $to: LocalDate!) {
    volumes(channel: $channel, from: $from, to: $to) {
      intervals {
        t
        value
      }
    }
  }
`);

export const RunForecast = graphql(`
  mutation RunForecast($channel: String!, $start: LocalDate!, $horizonDays: Int!) {
    runForecast(channel: $channel, start: $start, horizonDays: $horizonDays) {
      id
    }
  }
`);

export const Updated = graphql(`
  subscription ForecastUpdated($channel: String!) {
    forecastUpdated(channel: $channel) {
      forecastId
      start
    }
  }
`);

export const Channels = graphql(`
  query ForecastChannels {
    channels(first: 50, filter: { active: true }) {
      nodes {
        key
        name
      }
    }
  }
`);
