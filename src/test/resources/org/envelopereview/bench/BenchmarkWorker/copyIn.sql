COPY bench_copy_target FROM STDIN
