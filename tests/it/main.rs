mod corpus;
mod timers_store;
