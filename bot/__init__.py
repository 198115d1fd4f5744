"""scopebot: tells people which Webex OAuth scopes their integration needs."""
