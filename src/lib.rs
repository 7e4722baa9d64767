//! CSP software portal: partners buy on-premises software for their
//! customers, hand out keys and downloads, and cancel purchases.
//!
//! Layers point one way: `domain` (pure rules) <- `store` (all SQL) <-
//! `routes` (HTTP), with `web` holding what every route shares.

pub mod api;
pub mod app;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod demo;
pub mod domain;
pub mod error;
pub mod files;
pub mod format;
pub mod fsutil;
pub mod housekeeping;
pub mod i18n;
pub mod import;
pub mod layout;
pub mod mail;
pub mod reminders;
pub mod request_scope;
pub mod routes;
pub mod shutdown;
pub mod site_keys;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod web;
