"""Admin views of review dates: the "Reviews due" report and its dashboard panel."""
