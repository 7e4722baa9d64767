#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)] // tests stop at the first surprise

//! The portal driven over HTTP like a browser: a real server on a random port,
//! a fresh database per test (SQLite, or PostgreSQL when TEST_DATABASE_URL is set).

mod access;
mod activity;
mod cancel;
mod catalog;
mod catalog_messages;
mod confirmations;
mod credit_notes;
mod csrf;
mod customers;
mod deny_by_default;
mod error_pages;
mod forms;
mod health;
mod helpers;
mod languages;
mod links;
mod object_storage;
mod operator_tools;
mod order_page;
mod orders;
mod pages;
mod people;
mod queue;
mod reminders;
mod rest;
mod s3_server;
mod scale;
mod security;
mod sessions;
mod shutdown;
mod sign_in;
mod software;
mod software_list;
mod static_files;
mod store_settings;
mod two_factor;
mod two_instances;
mod uploads;
