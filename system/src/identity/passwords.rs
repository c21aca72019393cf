//! Password policy and hashing (Argon2id, bounded by a semaphore), and the account vault key.
