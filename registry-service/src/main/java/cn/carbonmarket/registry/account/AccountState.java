package cn.carbonmarket.registry.account;

/** OPEN accounts move units; FROZEN ones (judicial or administrative freeze) and CLOSED ones do not. */
public enum AccountState {
    OPEN,
    FROZEN,
    CLOSED
}
