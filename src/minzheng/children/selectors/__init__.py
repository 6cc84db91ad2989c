"""Every read of 儿童福利, scoped by jurisdiction; a child's file fetched for display is audited."""
