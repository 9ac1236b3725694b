/**
 * The deploy gate: every deployment the engine receives, from /engine-rest (Camunda Modeler), from
 * Cockpit, from our own code (start-up, the editors) passes {@link org.reviewcycle.deploygate.DeployGate}
 * before any of the engine's parsers read it, and is refused, deploying nothing, when it holds
 * anything that could run code on the server, reach outside the deployment, or break what our
 * services expect of the model. What a model may name is in {@link org.reviewcycle.deploygate.ModelAllowlist};
 * what the shipped model promises our listeners is read from the shipped files ({@link org.reviewcycle.deploygate.ShippedModel}).
 */
package org.reviewcycle.deploygate;
