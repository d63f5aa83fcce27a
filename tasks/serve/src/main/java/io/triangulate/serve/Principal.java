package io.triangulate.serve;

/** The holder of a valid token: its public id, its holder's name and its role. */
public record Principal(String tokenId, String name, Role role) {}
