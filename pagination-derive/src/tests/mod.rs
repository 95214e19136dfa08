// snapshots come next
