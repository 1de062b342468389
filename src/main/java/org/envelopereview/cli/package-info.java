/**
 * The picocli commands: thin translations of arguments into calls of the features.
 */
package org.envelopereview.cli;
