SELECT period FROM review_lock WHERE period = ? FOR UPDATE NOWAIT
